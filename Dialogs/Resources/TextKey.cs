namespace IqosBot.Dialogs.Resources;

/// <summary>The names of the customer-facing texts in Strings.resx (English) and Strings.sv.resx (Swedish).</summary>
public static class TextKey
{
    public const string Welcome = nameof(Welcome);

    public const string MenuPrompt = nameof(MenuPrompt);

    public const string Greeting = nameof(Greeting);

    public const string HelpIntro = nameof(HelpIntro);

    public const string Fallback = nameof(Fallback);

    public const string MenuRegister = nameof(MenuRegister);

    public const string MenuWarranty = nameof(MenuWarranty);

    public const string MenuQuestions = nameof(MenuQuestions);

    public const string MenuPerson = nameof(MenuPerson);

    public const string TopicRegister = nameof(TopicRegister);

    public const string TopicWarranty = nameof(TopicWarranty);

    public const string TopicQuestions = nameof(TopicQuestions);

    public const string PersonInterim = nameof(PersonInterim);

    public const string AnythingElse = nameof(AnythingElse);

    public const string InterruptionHelp = nameof(InterruptionHelp);

    public const string InterruptionCancelled = nameof(InterruptionCancelled);

    public const string InterruptionResume = nameof(InterruptionResume);

    public const string ChoiceRetry = nameof(ChoiceRetry);

    public const string ConfirmRetry = nameof(ConfirmRetry);

    public const string ConfirmYes = nameof(ConfirmYes);

    public const string ConfirmNo = nameof(ConfirmNo);

    public const string ErrorGeneric = nameof(ErrorGeneric);

    public const string ContactTitle = nameof(ContactTitle);

    public const string ContactPhoneLabel = nameof(ContactPhoneLabel);

    public const string ContactEmailLabel = nameof(ContactEmailLabel);

    public const string ContactHoursLabel = nameof(ContactHoursLabel);

    public const string ContactOtherChannels = nameof(ContactOtherChannels);

    public const string ContactCall = nameof(ContactCall);

    public const string ContactSendEmail = nameof(ContactSendEmail);

    public const string ContactFallbackText = nameof(ContactFallbackText);

    public const string ClosedDay = nameof(ClosedDay);

    public const string FaqDidThisHelp = nameof(FaqDidThisHelp);

    public const string FaqGlad = nameof(FaqGlad);

    public const string FaqOfferPerson = nameof(FaqOfferPerson);

    public const string FaqNoPerson = nameof(FaqNoPerson);

    public const string DisambiguationPrompt = nameof(DisambiguationPrompt);

    public const string DisambiguationOther = nameof(DisambiguationOther);

    public const string RegIntro = nameof(RegIntro);

    public const string RegSerialPrompt = nameof(RegSerialPrompt);

    public const string RegSerialHint = nameof(RegSerialHint);

    public const string RegSerialInvalid = nameof(RegSerialInvalid);

    public const string RegUnknownSerial = nameof(RegUnknownSerial);

    public const string RegDatePrompt = nameof(RegDatePrompt);

    public const string RegDateInvalid = nameof(RegDateInvalid);

    public const string RegDateFuture = nameof(RegDateFuture);

    public const string RegDateRejected = nameof(RegDateRejected);

    public const string RegEmailPrompt = nameof(RegEmailPrompt);

    public const string RegEmailInvalid = nameof(RegEmailInvalid);

    public const string RegAgePrompt = nameof(RegAgePrompt);

    public const string RegUnderAge = nameof(RegUnderAge);

    public const string RegConsentPrompt = nameof(RegConsentPrompt);

    public const string RegSummaryTitle = nameof(RegSummaryTitle);

    public const string RegSummarySerial = nameof(RegSummarySerial);

    public const string RegSummaryDate = nameof(RegSummaryDate);

    public const string RegSummaryEmail = nameof(RegSummaryEmail);

    public const string RegSummaryConsent = nameof(RegSummaryConsent);

    public const string RegConfirm = nameof(RegConfirm);

    public const string RegChangeSerial = nameof(RegChangeSerial);

    public const string RegChangeDate = nameof(RegChangeDate);

    public const string RegChangeEmail = nameof(RegChangeEmail);

    public const string RegChangeConsent = nameof(RegChangeConsent);

    public const string RegSummaryRetry = nameof(RegSummaryRetry);

    public const string RegReceiptTitle = nameof(RegReceiptTitle);

    public const string RegAlreadyTitle = nameof(RegAlreadyTitle);

    public const string RegReceiptBenefits = nameof(RegReceiptBenefits);

    public const string RegPendingActivation = nameof(RegPendingActivation);

    public const string RegOtherAccount = nameof(RegOtherAccount);

    public const string ApiUnavailable = nameof(ApiUnavailable);

    public const string OfferPersonPrompt = nameof(OfferPersonPrompt);

    public const string TooManyAttempts = nameof(TooManyAttempts);

    public const string CovModel = nameof(CovModel);

    public const string CovPurchased = nameof(CovPurchased);

    public const string CovWarranty = nameof(CovWarranty);

    public const string CovBenefit = nameof(CovBenefit);

    public const string CovAccident = nameof(CovAccident);

    public const string CovClaimUsed = nameof(CovClaimUsed);

    public const string CovClaimUnused = nameof(CovClaimUnused);

    public const string CovMoneyBack = nameof(CovMoneyBack);

    public const string CovDaysLeft = nameof(CovDaysLeft);

    public const string CovEnded = nameof(CovEnded);

    public const string WarSerialPrompt = nameof(WarSerialPrompt);

    public const string WarEmailPrompt = nameof(WarEmailPrompt);

    public const string WarNotFound = nameof(WarNotFound);

    public const string WarNotRegistered = nameof(WarNotRegistered);

    public const string WarStatusTitle = nameof(WarStatusTitle);

    public const string WarTooManyLookups = nameof(WarTooManyLookups);

    public const string NextOpeningToday = nameof(NextOpeningToday);

    public const string NextOpeningTomorrow = nameof(NextOpeningTomorrow);

    public const string NextOpeningWeekday = nameof(NextOpeningWeekday);

    public const string NextOpeningDate = nameof(NextOpeningDate);

    public const string HandoffDescribePrompt = nameof(HandoffDescribePrompt);

    public const string HandoffSkip = nameof(HandoffSkip);

    public const string HandoffQueued = nameof(HandoffQueued);

    public const string HandoffRequested = nameof(HandoffRequested);

    public const string HandoffLeaveQueue = nameof(HandoffLeaveQueue);

    public const string HandoffQueuePosition = nameof(HandoffQueuePosition);

    public const string HandoffStillWaiting = nameof(HandoffStillWaiting);

    public const string HandoffLeftQueue = nameof(HandoffLeftQueue);

    public const string HandoffAgentJoined = nameof(HandoffAgentJoined);

    public const string HandoffAgentLeft = nameof(HandoffAgentLeft);

    public const string HandoffBackInQueue = nameof(HandoffBackInQueue);

    public const string HandoffTransferred = nameof(HandoffTransferred);

    public const string HandoffFailed = nameof(HandoffFailed);

    public const string HandoffClosed = nameof(HandoffClosed);

    public const string HandoffClosedNoReopening = nameof(HandoffClosedNoReopening);

    public const string HandoffClosedOptions = nameof(HandoffClosedOptions);

    public const string HandoffOptionEmail = nameof(HandoffOptionEmail);

    public const string HandoffOptionCallback = nameof(HandoffOptionCallback);

    public const string HandoffOptionNoThanks = nameof(HandoffOptionNoThanks);

    public const string HandoffEmail = nameof(HandoffEmail);

    public const string HandoffCallbackPhone = nameof(HandoffCallbackPhone);

    public const string HandoffCallbackPhoneRetry = nameof(HandoffCallbackPhoneRetry);

    public const string HandoffCallbackConsent = nameof(HandoffCallbackConsent);

    public const string HandoffCallbackBooked = nameof(HandoffCallbackBooked);

    public const string HandoffCallbackBookedNoTime = nameof(HandoffCallbackBookedNoTime);

    public const string HandoffCallbackNotSaved = nameof(HandoffCallbackNotSaved);

    public const string HandoffHelp = nameof(HandoffHelp);

    public const string RatingPrompt = nameof(RatingPrompt);

    public const string RatingCommentPrompt = nameof(RatingCommentPrompt);

    public const string RatingThanks = nameof(RatingThanks);

    public const string HandoffUnavailable = nameof(HandoffUnavailable);

    public const string CustomerCareName = nameof(CustomerCareName);

    public const string BrokenWhatHappened = nameof(BrokenWhatHappened);

    public const string BrokenRedLight = nameof(BrokenRedLight);

    public const string BrokenWhiteBlinking = nameof(BrokenWhiteBlinking);

    public const string BrokenNotHeating = nameof(BrokenNotHeating);

    public const string BrokenNotCharging = nameof(BrokenNotCharging);

    public const string BrokenStops = nameof(BrokenStops);

    public const string BrokenStickStuck = nameof(BrokenStickStuck);

    public const string BrokenAccident = nameof(BrokenAccident);

    public const string BrokenAccidentKind = nameof(BrokenAccidentKind);

    public const string BrokenDropped = nameof(BrokenDropped);

    public const string BrokenLiquid = nameof(BrokenLiquid);

    public const string BrokenCracked = nameof(BrokenCracked);

    public const string BrokenOtherDamage = nameof(BrokenOtherDamage);

    public const string BrokenWhichModel = nameof(BrokenWhichModel);

    public const string BrokenModelUnknown = nameof(BrokenModelUnknown);

    public const string BrokenStep = nameof(BrokenStep);

    public const string BrokenDidThatHelp = nameof(BrokenDidThatHelp);

    public const string BrokenSolved = nameof(BrokenSolved);

    public const string BrokenNotSolved = nameof(BrokenNotSolved);

    public const string BrokenNoSteps = nameof(BrokenNoSteps);

    public const string BrokenAccidentClaim = nameof(BrokenAccidentClaim);

    public const string BrokenClaimSerialPrompt = nameof(BrokenClaimSerialPrompt);

    public const string BrokenClaimEmailPrompt = nameof(BrokenClaimEmailPrompt);

    public const string BrokenNotRegistered = nameof(BrokenNotRegistered);

    public const string BrokenWarrantyExpired = nameof(BrokenWarrantyExpired);

    public const string BrokenCoverExpired = nameof(BrokenCoverExpired);

    public const string BrokenClaimUsed = nameof(BrokenClaimUsed);

    public const string BrokenDamageExcluded = nameof(BrokenDamageExcluded);

    public const string BrokenEligible = nameof(BrokenEligible);

    public const string BrokenStreetInvalid = nameof(BrokenStreetInvalid);

    public const string BrokenPostcodePrompt = nameof(BrokenPostcodePrompt);

    public const string BrokenPostcodeInvalid = nameof(BrokenPostcodeInvalid);

    public const string BrokenCityPrompt = nameof(BrokenCityPrompt);

    public const string BrokenCityInvalid = nameof(BrokenCityInvalid);

    public const string BrokenConfirmAddress = nameof(BrokenConfirmAddress);

    public const string BrokenAddressAgain = nameof(BrokenAddressAgain);


    public const string BrokenReceiptTitle = nameof(BrokenReceiptTitle);

    public const string BrokenReceiptDevice = nameof(BrokenReceiptDevice);

    public const string BrokenReceiptKind = nameof(BrokenReceiptKind);

    public const string BrokenReceiptFault = nameof(BrokenReceiptFault);

    public const string BrokenReceiptAddress = nameof(BrokenReceiptAddress);

    public const string BrokenKindWarranty = nameof(BrokenKindWarranty);

    public const string BrokenKindAccident = nameof(BrokenKindAccident);

    public const string BrokenReceiptNext = nameof(BrokenReceiptNext);

    public const string BrokenToAgents = nameof(BrokenToAgents);

    public const string BrokenHelp = nameof(BrokenHelp);

    public const string BrokenSymptomRedLight = nameof(BrokenSymptomRedLight);

    public const string BrokenSymptomWhiteBlinking = nameof(BrokenSymptomWhiteBlinking);

    public const string BrokenSymptomNotHeating = nameof(BrokenSymptomNotHeating);

    public const string BrokenSymptomNotCharging = nameof(BrokenSymptomNotCharging);

    public const string BrokenSymptomStops = nameof(BrokenSymptomStops);

    public const string BrokenSymptomStickStuck = nameof(BrokenSymptomStickStuck);

    public const string BrokenSymptomDropped = nameof(BrokenSymptomDropped);

    public const string BrokenSymptomLiquid = nameof(BrokenSymptomLiquid);

    public const string BrokenSymptomCracked = nameof(BrokenSymptomCracked);

    public const string BrokenSymptomOther = nameof(BrokenSymptomOther);

    public const string BrokenStepsTried = nameof(BrokenStepsTried);

    public const string BrokenIntro = nameof(BrokenIntro);

    public const string BrokenRetryPrompt = nameof(BrokenRetryPrompt);

    public const string BrokenRetry = nameof(BrokenRetry);

    public const string BrokenRetryPerson = nameof(BrokenRetryPerson);

    public const string BrokenRetryCancel = nameof(BrokenRetryCancel);

    public const string BrokenRetryLater = nameof(BrokenRetryLater);

    public const string HandoffAgentAway = nameof(HandoffAgentAway);

    public const string HandoffCustomerEnded = nameof(HandoffCustomerEnded);

    public const string ListenSensitiveNumber = nameof(ListenSensitiveNumber);

    public const string ListenAdultsOnly = nameof(ListenAdultsOnly);

    public const string ListenOtherBrand = nameof(ListenOtherBrand);

    public const string ListenCarryOn = nameof(ListenCarryOn);

    public const string ListenSwitchConfirm = nameof(ListenSwitchConfirm);

    public const string ListenNotHelping = nameof(ListenNotHelping);

    public const string LeaveRegistration = nameof(LeaveRegistration);

    public const string LeaveWarranty = nameof(LeaveWarranty);

    public const string LeaveClaim = nameof(LeaveClaim);

    public const string LeaveHandoff = nameof(LeaveHandoff);

    public const string RequestRegister = nameof(RequestRegister);

    public const string RequestWarranty = nameof(RequestWarranty);

    public const string RequestBroken = nameof(RequestBroken);

    public const string RequestPerson = nameof(RequestPerson);

    public const string RegUnknownSerialAgain = nameof(RegUnknownSerialAgain);

    public const string ListenTooLong = nameof(ListenTooLong);
}

namespace IqosBot.Tools.Demo;

/// <summary>What the bot is waiting for after its turn: the question a customer answers next.</summary>
internal enum BotAsk
{
    /// <summary>Nothing the player recognises (an agent's message, a card with no question after it).</summary>
    Unknown,

    /// <summary>The bot is at rest: the menu, "anything else?", a goodbye, a journey that ended.</summary>
    Rest,
    Fallback,
    DidYouMean,
    DidThisHelp,
    OfferPerson,

    /// <summary>"Would you like to … instead? What you've answered so far won't be kept."</summary>
    SwitchConfirm,
    RegSerial,
    RegDate,
    RegEmail,
    RegAge,
    RegConsent,
    RegSummary,
    WarSerial,
    WarEmail,

    /// <summary>An unregistered device found by a warranty check or a claim: "would you like to register it now?"</summary>
    RegisterNow,
    BrokenWhatHappened,
    BrokenAccidentKind,
    BrokenModel,
    BrokenDidThatHelp,
    ClaimSerial,
    ClaimEmail,
    ClaimStreet,
    ClaimPostcode,
    ClaimCity,
    ClaimConfirmAddress,
    ClaimRetry,
    HandoffDescribe,
    Queued,
    ClosedOptions,
    CallbackPhone,
    CallbackConsent,
    Rating,
    RatingComment,
}

/// <summary>What a turn said had happened, whatever it asks next.</summary>
internal enum BotNews
{
    Registered,
    AlreadyRegistered,
    OtherAccount,
    AdultsOnly,
    WarrantyShown,
    WarrantyNotFound,
    ClaimFiled,
    ClaimRefused,
    ClaimToAgents,
    Solved,
    CareClosed,
    CallbackBooked,
    EmailOffered,
    AgentJoined,
    AgentLeft,
    AgentAway,
    LeftQueue,
    ChatEnded,
    HandoffFailed,
    ApiUnavailable,
    NotHelping,
    SensitiveNumber,

    /// <summary>The bot thanked for a rating: it is stored with the case.</summary>
    RatingStored,
}

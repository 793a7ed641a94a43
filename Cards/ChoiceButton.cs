namespace IqosBot.Cards;

/// <summary>An option as shown to the customer: the title on the button and the text a click sends back.</summary>
public sealed record ChoiceButton(string Title, string Value);

namespace IqosBot.Dialogs.Prompts;

/// <summary>What a prompt understood from the customer's answer.</summary>
public sealed class PromptRecognizerResult<T>
{
    public bool Succeeded { get; init; }

    public T? Value { get; init; }

    public static PromptRecognizerResult<T> Failed { get; } = new();

    public static PromptRecognizerResult<T> Of(T value) => new() { Succeeded = true, Value = value };
}

namespace IqosBot.Tools.Demo;

/// <summary>Something a conversation could not get past; its message names the step and never holds customer text.</summary>
internal sealed class DemoFailure(string message) : Exception(message);

using System.Text.Json.Serialization;

namespace IqosBot.Recognition.Clu;

// The request and response bodies of POST {endpoint}/language/:analyze-conversations (api-version
// 2024-11-01), as documented for the "Conversation" task kind. Only the fields the bot uses.

internal sealed record CluRequest(
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("analysisInput")] CluAnalysisInput AnalysisInput,
    [property: JsonPropertyName("parameters")] CluParameters Parameters);

internal sealed record CluAnalysisInput([property: JsonPropertyName("conversationItem")] CluConversationItem ConversationItem);

internal sealed record CluConversationItem(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("participantId")] string ParticipantId,
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("language")] string Language,
    [property: JsonPropertyName("modality")] string Modality);

internal sealed record CluParameters(
    [property: JsonPropertyName("projectName")] string ProjectName,
    [property: JsonPropertyName("deploymentName")] string DeploymentName,
    [property: JsonPropertyName("stringIndexType")] string StringIndexType,
    [property: JsonPropertyName("verbose")] bool Verbose);

internal sealed record CluResponse(
    [property: JsonPropertyName("kind")] string? Kind,
    [property: JsonPropertyName("result")] CluResult? Result);

internal sealed record CluResult(
    [property: JsonPropertyName("query")] string? Query,
    [property: JsonPropertyName("prediction")] CluPrediction? Prediction);

/// <summary>What the service predicted: its top intent (already subject to the project's confidence threshold) and every intent's score.</summary>
public sealed record CluPrediction(
    [property: JsonPropertyName("topIntent")] string? TopIntent,
    [property: JsonPropertyName("projectKind")] string? ProjectKind,
    [property: JsonPropertyName("intents")] IReadOnlyList<CluIntent>? Intents);

public sealed record CluIntent(
    [property: JsonPropertyName("category")] string Category,
    [property: JsonPropertyName("confidenceScore")] double ConfidenceScore);

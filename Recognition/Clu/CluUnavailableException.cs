namespace IqosBot.Recognition.Clu;

/// <summary>CLU gave no usable answer: rejected the key, has no such deployment, failed, or was too slow.</summary>
public sealed class CluUnavailableException : Exception
{
    public CluUnavailableException(string message, int? statusCode, string? requestId, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        RequestId = requestId;
    }

    public CluUnavailableException()
    {
    }

    public CluUnavailableException(string message)
        : base(message)
    {
    }

    public CluUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The HTTP status, or null when no response arrived (timeout, network).</summary>
    public int? StatusCode { get; }

    /// <summary>The service's apim-request-id, which Azure support asks for.</summary>
    public string? RequestId { get; }
}

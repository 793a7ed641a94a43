using System.Text;
using System.Text.Json;
using IqosBot.Benefits.Contract;

namespace IqosBot.Sandbox.Benefits;

/// <summary>
/// A response as the sandbox answers it: status, media type and the body already serialized. Serialized
/// once so that the idempotency store replays exactly the bytes the first request got.
/// </summary>
internal sealed record ApiResponse(int Status, string ContentType, string Body, bool Replayed = false)
{
    public const string Json = "application/json";

    public static ApiResponse Ok<T>(int status, T body) => new(status, Json, JsonSerializer.Serialize(body, BenefitsApiJson.Options));

    public IResult ToResult() => new Written(this);

    private sealed class Written(ApiResponse response) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            if (response.Replayed)
            {
                // Tells a client that this is the stored answer to an earlier request with the same Idempotency-Key.
                httpContext.Response.Headers[BenefitsApiHeaders.IdempotentReplayed] = "true";
            }

            return Results.Text(response.Body, response.ContentType, Encoding.UTF8, response.Status).ExecuteAsync(httpContext);
        }
    }
}

using IqosBot.Handoff;

namespace IqosBot.AgentConsole;

/// <summary>
/// How the API answers what an agent's action on a case came to (CONTRACT.md): the action's own success status,
/// 404 for an unknown case, 403 for another agent's, 502 when the customer's channel refused, 409 otherwise.
/// </summary>
internal sealed class DeskOutcomeResult(DeskOutcome outcome, int successStatusCode) : IResult
{
    public Task ExecuteAsync(HttpContext httpContext) => Result().ExecuteAsync(httpContext);

    private IResult Result() => outcome switch
    {
        DeskOutcome.Ok => TypedResults.StatusCode(successStatusCode),
        DeskOutcome.NotFound => TypedResults.NotFound(),
        DeskOutcome.Forbidden => TypedResults.StatusCode(StatusCodes.Status403Forbidden),
        DeskOutcome.CustomerUnreachable => TypedResults.Problem("The customer's channel could not be reached; the message was not delivered.", statusCode: StatusCodes.Status502BadGateway),
        _ => TypedResults.Conflict(),
    };
}

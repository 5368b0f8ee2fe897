using Microsoft.AspNetCore.Http.HttpResults;

namespace Cruddur.Api.Apis;

/// <summary>RFC 9457 problem details for bad input: <c>detail</c> says what is wrong, <c>errors</c> names each field.</summary>
public static class Problems
{
    public static ProblemHttpResult Fields(int status, IReadOnlyList<FieldError> errors) =>
        TypedResults.Problem(new HttpValidationProblemDetails(
            errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()))
        {
            Status = status,
            Detail = string.Join("; ", errors.Select(e => e.Message)),
        });

    public static ProblemHttpResult Field(int status, FieldError error) => Fields(status, [error]);

    public static ProblemHttpResult Forbidden(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status403Forbidden);

    public static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status404NotFound);
}

namespace Cruddur.Api.Apis;

/// <summary>What is wrong with one field of a request, as it appears in the problem's <c>errors</c>.</summary>
public sealed record FieldError(string Field, string Message);

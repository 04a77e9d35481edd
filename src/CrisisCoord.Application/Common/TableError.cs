namespace CrisisCoord.Application.Common;

/// <summary>
/// Where in an uploaded table a validation failure is, carried as the failure's <c>CustomState</c>: the row as a
/// spreadsheet numbers it (the header is row 1) and the column's name; both null when it is about the whole file.
/// The API lists these beside the usual <c>errors</c> so clients need not parse keys.
/// </summary>
public sealed record TableError(int? Row, string? Column);

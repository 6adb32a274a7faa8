namespace Berth.Commands.Admin;

/// <summary>One line of <c>berth admin</c>'s table: the subcommand's word, a one-line summary and what runs it.</summary>
internal sealed record AdminSubcommand(string Name, string Summary, Func<string[], Task<int>> RunAsync);

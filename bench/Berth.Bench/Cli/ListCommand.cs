using Berth.Bench.Suite;

namespace Berth.Bench.Cli;

/// <summary>`list`: the test names (for --tests) with their default iteration counts.</summary>
public static class ListCommand
{
    public static int Execute()
    {
        foreach (var test in TestCatalogue.Create())
        {
            Console.WriteLine($"{test.DefaultRequests,7}  {test.Name}");
        }

        return 0;
    }
}

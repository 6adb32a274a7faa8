namespace Berth.Bench.Cli;

/// <summary>The help text.</summary>
public static class Usage
{
    public const string Text = """
        Berth.Bench — a zb-style load generator for OCI Distribution registries over plain HTTP.

        Usage:
          Berth.Bench run --url http://127.0.0.1:PORT [options]
          Berth.Bench compare --berth "COMMAND with {listen} and {data}" [options]
          Berth.Bench compare-auth --berth "COMMAND" --user USER:PASSWORD --repo library/NAME [options]
          Berth.Bench list
          Berth.Bench scan [--runs K] [--parts walk,rescan,rematch,layer] [scan options]
          Berth.Bench admission --url http://127.0.0.1:PORT --user admin:PASSWORD [--requests N] [--concurrency N]

        Options:
          --url URL              registry to load (run); must be a loopback address
          --berth COMMAND        shell command starting Berth; {listen} becomes 127.0.0.1:PORT,
                                 {data} a fresh empty directory (compare, compare-auth)
          --distribution PATH    CNCF Distribution binary (default: docker-registry)
          --runs K               compare runs, report the median of each figure (default: 1)
          --concurrency N        parallel workers (default: 4)
          --requests N           iterations per test, overriding each test's default
          --tests REGEX          only tests whose name matches (case-insensitive);
                                 compare-auth defaults to the read-only ones (Manifest GET, Pull)
          --repo NAME            repository prefix (default: bench/zb)
          --output table|json    result format (default: table; compare prints markdown)
          --user USER:PASSWORD   credentials: setup pushes always send them as Basic
          --load-auth MODE       how timed iterations authenticate: anonymous, basic (--user on
                                 every request) or bearer (a token per repository from the
                                 registry's challenge) (default: basic; not for compare-auth)
          --chunk-mib N          PATCH size of chunked pushes; 0 = one streamed PATCH (default: 10)
          --warmup N             untimed iterations before each test (default: 2)
          --max-seconds S        time cap per test (default: 180)
          --timeout-seconds S    time cap per HTTP request (default: 120)
          --seed N               seed for blob data and mixed-test choices (default: 1)
          --workdir DIR          where to prepare the blob files (default: system temp)
          --after-setup "CMD"    shell command run after each test's setup, before warm-up (BENCH_TEST = test name)

        admission (decision latency of POST /admission/validate; bench/admission.sh runs it cached and uncached):
          pushes five signed images into a project with cosign content trust, then posts the same
          AdmissionReview of a Pod with those five images --requests times (default 2000)

        scan (the scanner's speed goals; markdown table on stdout, exit 1 if a goal is missed):
          --runs K               timed runs per figure, median reported (default for scan: 3)
          --parts LIST           walk, rescan, rematch, layer or all, comma-separated (default: all)
          --images DIR           OCI layout with the images (default: $BERTH_TEST_IMAGES or
                                 /tmp/berth-test-images)
          --tags LIST            tags in the layout (default: debian-minbase,debian-node)
          --advisories DIR       advisory sources to import (default: shared/testdata/advisories
                                 found above the current directory)
          --inventories N        stored inventories the rematch part re-matches (default: 1000)
          --layer-mib N          size of the generated layer; 0 skips it (default: 1024)
        """;
}

"""Local stand-ins for the live sources, for the tests and the benchmarks (never used by the
tracker itself). Everything they serve is made up or a test fixture.

- `server`: the one local HTTP server (127.0.0.1, a background thread) the others run on;
- `faults`: a server that misbehaves on purpose (the fault-injection tests);
- `sources`: one server standing in for every live host (SDN exports, Treasury pages, DOJ API);
- `doj_api`: DOJ's news API v1, quirks included;
- `sdn_synthetic`, `treasury_synthetic`, `doj_synthetic`: the SYNTHETIC data they serve.

Part of the package so the tests and the benchmarks import it as `scrapers.fakeweb` once the
project is installed (`pip install -e '.[test]'`); it imports nothing else of the project, and
nothing of the project imports it (tests/test_structure.py).
"""

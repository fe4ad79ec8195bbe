"""What measures and exercises the site without being part of its build: the
benchmark, the publisher's drill, the reading figures, a static server, and the
project copies they and the tests build in. Never imports the tests.

    python -m trustsite_tools.bench [--quick]   (make bench)
    python -m trustsite_tools.drill             (make drill)
    python -m trustsite_tools.reading           (after a build)
    python -m trustsite_tools.serve_static SITE_DIR PORT
"""

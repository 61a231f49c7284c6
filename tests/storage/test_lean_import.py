"""sqlite-utils imported lean (issue 15: start-up): without numpy, dateutil's parser loaded
on its first use — and both still work when they are used."""

from __future__ import annotations

import sys

from tests.fresh_process import run_script_json


def test_sqlite_utils_comes_without_numpy_and_without_running_dateutils_parser():
    result = run_script_json(
        "import json, sys\n"
        "from guilin_union.storage.lean_import import import_sqlite_utils\n"
        "import_sqlite_utils()\n"
        "print(json.dumps({'numpy': 'numpy' in sys.modules,"
        " 'parser_ran': 'dateutil.parser._parser' in sys.modules}))\n"
    )
    assert result == {"numpy": False, "parser_ran": False}


def test_the_parser_loaded_on_first_use_parses_dates():
    result = run_script_json(
        "import json, sys\n"
        "from guilin_union.storage.lean_import import import_sqlite_utils\n"
        "import_sqlite_utils()\n"
        "from sqlite_utils.recipes import parsedate\n"
        "from dateutil import parser\n"
        "print(json.dumps({'recipe': parsedate('2024-03-05'),"
        " 'parser': parser.parse('5 March 2024').date().isoformat(),"
        " 'ran': 'dateutil.parser._parser' in sys.modules}))\n"
    )
    assert result == {"recipe": "2024-03-05", "parser": "2024-03-05", "ran": True}


def test_a_module_already_imported_is_left_as_it_is():
    from guilin_union.storage.lean_import import load_on_first_use

    before = sys.modules["json"]
    load_on_first_use("json")
    assert sys.modules["json"] is before

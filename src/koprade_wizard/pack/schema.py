"""The JSON Schema of step files, generated from the model (never written by hand)."""

from __future__ import annotations

import json

from koprade_wizard.pack.model import PackFile, StepFile


def schema(pack: bool = False) -> dict[str, object]:
    model = PackFile if pack else StepFile
    result = model.model_json_schema(by_alias=True)
    result["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    result["title"] = "koprade-wizard pack file" if pack else "koprade-wizard step file"
    return result


def schema_text(pack: bool = False) -> str:
    return json.dumps(schema(pack), ensure_ascii=False, indent=2) + "\n"

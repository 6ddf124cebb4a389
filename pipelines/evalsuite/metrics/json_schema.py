"""JSON-schema validity rate via ``jsonschema`` (the schema's own draft, or the latest)."""
from __future__ import annotations

import json
import re

from jsonschema.validators import validator_for

from ..registry import Inputs, JsonValidArgs, mean

_FENCE = re.compile(r"^```[A-Za-z0-9_-]*\s*\n(.*?)\n?```$", re.DOTALL)


def parse_valid(text: str, validator, *, strip_code_fence: bool) -> bool:
    text = text.strip()
    if strip_code_fence and (m := _FENCE.match(text)):
        text = m.group(1).strip()
    try:
        value = json.loads(text)
    except ValueError:
        return False
    return validator.is_valid(value)


def json_valid(inp: Inputs, args: JsonValidArgs) -> tuple[float, list[float]]:
    validator = validator_for(args.schema_)(args.schema_)
    per = [float(parse_valid(str(p), validator, strip_code_fence=args.strip_code_fence)) for p in inp.predictions]
    return mean(per), per

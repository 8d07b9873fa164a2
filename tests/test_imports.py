"""`import bilat` stays light: heavy dependencies load only when first used."""

from __future__ import annotations

from tests.subprocess_helper import run_python

#: Modules that ``import bilat`` must not import.
HEAVY = ("pint", "cattrs", "pandas", "matplotlib")


class TestImportBilat:
    """Importing bilat loads neither pint, cattrs, pandas nor matplotlib."""

    def test_heavy_modules_not_imported(self) -> None:
        """None of the heavy modules is in sys.modules after `import bilat`."""
        record = run_python(
            f"""
            import json, sys
            import bilat
            print(json.dumps({{
                "loaded": [m for m in {HEAVY!r} if m in sys.modules],
                "money": repr(bilat.Money(1, "USD") + bilat.Money(2, "USD")),
            }}))
            """
        )
        assert record == {"loaded": [], "money": "Money('3', 'USD')"}

    def test_heavy_modules_detected(self) -> None:
        """The check above can fail: importing pint shows up in sys.modules."""
        record = run_python(
            f"""
            import json, sys
            import bilat, pint
            print(json.dumps({{"loaded": [m for m in {HEAVY!r} if m in sys.modules]}}))
            """
        )
        assert record == {"loaded": ["pint"]}


class TestLazyRegistry:
    """`bilat.ureg` builds the one pint registry on first use."""

    def test_ureg_on_first_use(self) -> None:
        """pint is imported by the first access to bilat.ureg, not before."""
        record = run_python(
            """
            import json, sys
            import bilat
            before = "pint" in sys.modules
            ureg = bilat.ureg
            after = "pint" in sys.modules
            length = bilat.Q_(152, "km").to("m").magnitude
            print(json.dumps({
                "before": before,
                "after": after,
                "same": bilat.ureg is ureg and bilat.Q_(1, "t").units == ureg.tonne,
                "length": length == 152_000,
            }))
            """
        )
        assert record == {
            "before": False,
            "after": True,
            "same": True,
            "length": True,
        }

"""Physical quantities: the one pint registry, and prices per unit.

pint is imported, and its registry built, on first use (0.2-0.4 s), never by
``import bilat``. The registry computes with :class:`~decimal.Decimal`, so
conversion factors defined by decimal numbers (tonne, pound, barrel, mile)
stay exact and money computed from quantities stays exact: ``$30/t × 5 Mt``
is exactly ``$150,000,000``.
"""

from __future__ import annotations

import decimal
import numbers
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Final, final, overload

import attrs

from bilat._cache import thread_safe_cache, thread_safe_lru_cache
from bilat._decimal import CONTEXT, to_decimal
from bilat._errors import (
    InvalidNumberError,
    NumberTypeError,
    ParseError,
    UnitMismatchError,
    ValidationError,
)
from bilat._money import Money, make_money

if TYPE_CHECKING:
    import pint

    from bilat._locale import LocaleLike

__all__ = ["UnitPrice", "get_registry", "magnitude", "parse_unit"]

_ONE: Final = Decimal(1)


@thread_safe_cache
def get_registry() -> pint.UnitRegistry[Decimal]:
    """The one pint registry of bilat, built on first call.

    Threads that first ask for it at the same moment wait for one registry,
    so their quantities can always be combined.

    It is a standard :class:`pint.UnitRegistry` with two differences:

    * magnitudes and conversion factors are :class:`~decimal.Decimal`
      (``non_int_type=Decimal``), and conversion factors are computed in
      bilat's own decimal context, whatever :func:`decimal.getcontext` says;
    * a ``float`` magnitude given to its ``Quantity`` becomes a Decimal
      through its shortest repr (``5.5`` → ``Decimal('5.5')``), as amounts of
      money do, so that floats and Decimals can be converted together.

    pint's unit names apply: ``t`` and ``tonne`` (metric ton), ``Mt``
    (megatonne), ``ha``, ``kWh``. Beware two of them: ``kt`` is the knot
    (write ``kilotonne``), and ``bbl`` is the US liquid barrel of 31.5
    gallons (an oil barrel is ``oil_barrel``, 42 gallons).

    Example:
        >>> import bilat
        >>> bilat.ureg is bilat.ureg
        True
        >>> bilat.Q_(5, "Mt").to("t")
        <Quantity(5E+6, 'metric_ton')>
        >>> bilat.Q_(5.5, "Mt").magnitude
        Decimal('5.5')
    """
    import pint
    import pint.compat

    class DecimalQuantity(pint.UnitRegistry.Quantity[Decimal]):
        def __new__(cls, value: Any, units: Any = None) -> Any:
            if isinstance(value, float):
                value = to_decimal(float(value), what="magnitude")
            return super().__new__(cls, value, units)

    class UnitRegistry(pint.UnitRegistry[Decimal]):
        Quantity = DecimalQuantity

        def _get_root_units(self, input_units: Any, check_nonmult: bool = True) -> Any:
            # pint caches the factors it computes here: compute them in
            # bilat's context, never in the caller's.
            with decimal.localcontext(CONTEXT):
                return super()._get_root_units(input_units, check_nonmult)

    with decimal.localcontext(CONTEXT):
        registry = UnitRegistry(non_int_type=Decimal)
    # pint hands products with these types over to them (``Quantity *
    # UnitPrice`` reaches UnitPrice.__rmul__) instead of wrapping them.
    upcast = pint.compat.upcast_type_map
    for cls in (UnitPrice, Money):
        upcast[f"{cls.__module__}.{cls.__qualname__}"] = cls  # type: ignore[index]
    return registry


@thread_safe_lru_cache(maxsize=256)
def _unit(text: str) -> pint.Unit:
    """Parse a unit expression with the shared registry."""
    import pint

    registry = get_registry()
    try:
        unit = registry.Unit(text)
    except (pint.errors.PintError, ValueError, TypeError, AttributeError) as e:
        raise ParseError(
            text,
            f"expected a unit such as 'tonne', 'Mt', 'kWh' or 'm ** 3' ({e})",
            what="a unit",
        ) from None
    if not registry.Quantity(_ONE, unit)._is_multiplicative:
        raise ParseError(
            text,
            "expected a multiplicative unit: a price per degree Celsius has no "
            "meaning (use 'delta_degC' for a difference of temperature)",
            what="a unit",
        )
    return unit


def parse_unit(value: object) -> pint.Unit:
    """Read a unit name, expression or pint Unit (of any registry) into bilat's.

    Raises:
        ParseError: the text is not a unit pint knows, or names an offset
            unit such as ``degC``.
        ValidationError: ``value`` is neither text nor a pint Unit.

    Example:
        >>> from bilat._units import parse_unit
        >>> parse_unit("t"), parse_unit("megatonne")
        (<Unit('metric_ton')>, <Unit('megametric_ton')>)
    """
    if isinstance(value, str):
        return _unit(value.strip())
    if type(value).__module__.startswith("pint") and hasattr(value, "dimensionality"):
        if hasattr(value, "magnitude"):
            raise ValidationError(
                [("unit", f"expected a unit, got the quantity {value!r}")]
            )
        return _unit(f"{value:D}")
    raise ValidationError(
        [("unit", f"expected a unit such as 'tonne' or a pint Unit, got {value!r}")]
    )


def _unit_text(value: object) -> str:
    return f"{parse_unit(value):D}"


def _is_quantity(value: object) -> bool:
    return (
        type(value).__module__.startswith("pint")
        and hasattr(value, "magnitude")
        and hasattr(value, "units")
    )


def magnitude(quantity: Any) -> Decimal:
    """The magnitude of a pint quantity as an exact Decimal.

    Floats go through their shortest repr; arrays are refused.

    Raises:
        NumberTypeError: the magnitude is not a single number.

    Example:
        >>> import bilat
        >>> from bilat._units import magnitude
        >>> magnitude(bilat.Q_(0.1, "t")), magnitude(bilat.Q_(5, "Mt"))
        (Decimal('0.1'), Decimal('5'))
    """
    value = quantity.magnitude
    if isinstance(value, bool | int | Decimal):
        pass
    elif isinstance(value, float):
        value = float(value)  # numpy's float64 is a float
    elif isinstance(value, numbers.Integral):
        value = int(value)  # numpy's int64 is not an int
    return to_decimal(value, what="magnitude")


def _tidy(amount: Decimal) -> Decimal:
    """Drop trailing zeros and exponents: ``1.50E+8`` → ``150000000``."""
    amount = amount.normalize(CONTEXT)
    if amount.as_tuple().exponent > 0:  # type: ignore[operator]
        return amount.quantize(_ONE, context=CONTEXT)
    return amount


def _convert(
    value: Decimal, source: pint.Unit, target: pint.Unit, left: str
) -> Decimal:
    """Convert ``value`` from ``source`` to ``target`` units, in bilat's context."""
    import pint

    try:
        with decimal.localcontext(CONTEXT):
            result = get_registry().convert(value, source, target)
    except pint.DimensionalityError:
        raise UnitMismatchError(
            left,
            f"{source:D}",
            f"expected a quantity of {target.dimensionality}, "
            f"not of {source.dimensionality}",
        ) from None
    return Decimal(result)


def _price(value: object) -> Money:
    if type(value) is not Money:
        raise NumberTypeError(value, "price", "a Money")
    return value


@final
@attrs.frozen(repr=False)
class UnitPrice:
    """A price per unit of a physical quantity: ``$30/t``.

    Dividing :class:`Money` by a pint quantity gives one; multiplying it by a
    quantity, in either order, gives Money, converting the quantity into the
    price's unit first. The results are exact.

    Args:
        price: The price of one ``unit``.
        unit: A unit that pint knows (``"tonne"``, ``"t"``, ``"kWh"``,
            ``"m ** 3"``) or a pint Unit. It is kept under pint's canonical
            name, so ``"t"`` and ``"tonne"`` give equal prices.

    Raises:
        NumberTypeError: ``price`` is not Money.
        ParseError: ``unit`` is not a unit pint knows, or an offset unit.

    Example:
        >>> import bilat
        >>> from bilat import Money, UnitPrice
        >>> price = Money(150_000_000, "USD") / bilat.Q_(5, "Mt")
        >>> price
        UnitPrice(Money('30000000', 'USD'), 'megametric_ton')
        >>> per_tonne = UnitPrice(Money(30, "USD"), "t")
        >>> print(per_tonne)
        $30.00/t
        >>> per_tonne * bilat.Q_(5, "Mt")
        Money('150000000', 'USD')
        >>> bilat.Q_("2.5 kilotonne") * per_tonne
        Money('75000', 'USD')
    """

    price: Money = attrs.field(converter=_price)
    unit: str = attrs.field(converter=_unit_text)

    @classmethod
    def from_division(cls, money: Money, quantity: Any) -> UnitPrice:
        """The price per unit of ``quantity``: ``money / quantity``.

        This is what ``Money / Quantity`` calls.

        Raises:
            InvalidNumberError: the quantity is zero.
            NumberTypeError: its magnitude is not a single number.

        Example:
            >>> import bilat
            >>> from bilat import Money, UnitPrice
            >>> UnitPrice.from_division(Money(156, "USD"), bilat.Q_(12, "km"))
            UnitPrice(Money('13', 'USD'), 'kilometer')
        """
        amount = magnitude(quantity)
        if not amount:
            raise InvalidNumberError(quantity, "divisor", "a non-zero quantity")
        unit = _unit_text(quantity.units)
        return cls(
            make_money(_tidy(CONTEXT.divide(money.amount, amount)), money.currency),
            unit,
        )

    @property
    def units(self) -> pint.Unit:
        """The unit as a pint Unit of :data:`bilat.ureg`.

        Example:
            >>> from bilat import Money, UnitPrice
            >>> UnitPrice(Money(30, "USD"), "t").units
            <Unit('metric_ton')>
        """
        return _unit(self.unit)

    def to(self, unit: object) -> UnitPrice:
        """The same price per another unit of the same dimension.

        Raises:
            UnitMismatchError: ``unit`` has another dimension.
            ParseError: ``unit`` is not a unit pint knows.

        Example:
            >>> from bilat import Money, UnitPrice
            >>> UnitPrice(Money(30, "USD"), "t").to("kg")
            UnitPrice(Money('0.03', 'USD'), 'kilogram')
        """
        target = parse_unit(unit)
        per = _convert(_ONE, target, self.units, self._label())
        return UnitPrice(
            make_money(
                _tidy(CONTEXT.multiply(self.price.amount, per)), self.price.currency
            ),
            target,
        )

    @overload
    def __mul__(self, other: pint.Quantity[Any]) -> Money: ...
    @overload
    def __mul__(self, other: int | Decimal | float) -> UnitPrice: ...
    def __mul__(self, other: object) -> Any:
        """``price * quantity`` → Money; ``price * number`` → UnitPrice."""
        if _is_quantity(other):
            amount = magnitude(other)
            source = parse_unit(other.units)  # type: ignore[attr-defined]
            converted = _convert(amount, source, self.units, self._label())
            return make_money(
                _tidy(CONTEXT.multiply(self.price.amount, converted)),
                self.price.currency,
            )
        if isinstance(other, Decimal | int | float) and not isinstance(other, bool):
            return UnitPrice(self.price * other, self.unit)
        return NotImplemented

    __rmul__ = __mul__

    def format(self, locale: LocaleLike = "en", *, compact: bool = False) -> str:
        r"""Format as price/unit symbol, the price through babel.

        Example:
            >>> from bilat import Money, UnitPrice
            >>> UnitPrice(Money("1.5", "USD"), "kWh").format()
            '$1.50/kWh'
            >>> UnitPrice(Money(30, "USD"), "m ** 3").format("ru")
            '30,00\xa0$/m³'
            >>> UnitPrice(Money(2_000_000, "USD"), "t / day").format(compact=True)
            '$2M/(t/d)'
        """
        symbol = f"{self.units:~P}" or "1"
        if any(c in symbol for c in "/·* "):
            symbol = f"({symbol})"
        return f"{self.price.format(locale, compact=compact)}/{symbol}"

    def __str__(self) -> str:
        return self.format()

    def __repr__(self) -> str:
        return f"UnitPrice({self.price!r}, {self.unit!r})"

    def _label(self) -> str:
        return f"{self.price.currency.code} / {self.unit}"

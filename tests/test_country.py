"""Tests for bilat._country: ISO 3166 codes, CLDR names and currencies."""

from __future__ import annotations

import csv
import datetime as dt
import subprocess
import sys

import attrs
import pytest
from babel import Locale
from hypothesis import assume, given
from hypothesis import strategies as st
from tests.strategies import countries

import bilat
from bilat import (
    BilatError,
    Country,
    Currency,
    CurrencyNotFoundError,
    NumberTypeError,
    UnknownCountryError,
    UnknownLocaleError,
    ValidationError,
)
from bilat._country import _codes, as_country, as_parties, normalise_name

KZ, UZ = Country("KZ"), Country("UZ")


class TestCodes:
    """Any of the three ISO 3166-1 codes gives one normalised country."""

    @pytest.mark.parametrize(
        ("code", "alpha2"),
        [
            ("KZ", "KZ"),
            ("kz", "KZ"),
            ("  kz ", "KZ"),
            ("KAZ", "KZ"),
            ("kaz", "KZ"),
            (398, "KZ"),
            ("398", "KZ"),
            ("UZ", "UZ"),
            ("uzb", "UZ"),
            (860, "UZ"),
            ("860", "UZ"),
            (4, "AF"),
            ("4", "AF"),
            ("004", "AF"),
            ("AFG", "AF"),
            ("xk", "XK"),
            (Country("GB"), "GB"),
        ],
    )
    def test_forms(self, code: str | int | Country, alpha2: str) -> None:
        """Alpha-2, alpha-3 and numeric codes, in any case, as text or int."""
        assert Country(code).alpha2 == alpha2

    @pytest.mark.parametrize(
        ("alpha2", "alpha3", "numeric"),
        [
            ("KZ", "KAZ", 398),
            ("UZ", "UZB", 860),
            ("US", "USA", 840),
            ("GB", "GBR", 826),
            ("AF", "AFG", 4),
            ("DE", "DEU", 276),
            ("FR", "FRA", 250),
            ("ET", "ETH", 231),
            ("SD", "SDN", 729),
            ("YE", "YEM", 887),
            ("CD", "COD", 180),
            ("MM", "MMR", 104),
            ("TL", "TLS", 626),
            ("XK", "XKK", 983),
        ],
    )
    def test_alpha3_and_numeric(self, alpha2: str, alpha3: str, numeric: int) -> None:
        """The current codes, not the withdrawn ones CLDR also lists."""
        country = Country(alpha2)
        assert (country.alpha3, country.numeric) == (alpha3, numeric)
        assert Country(alpha3) == Country(numeric) == country

    def test_count(self) -> None:
        """The 249 countries of ISO 3166-1, and Kosovo."""
        assert len(_codes().alpha3) == 249 + 1
        assert len(set(_codes().alpha3.values())) == 250
        assert len(set(_codes().numeric.values())) == 250

    def test_equality_hash_order(self) -> None:
        """All forms are equal and hash alike; countries sort by alpha-2."""
        forms = [Country("KZ"), Country("KAZ"), Country(398), Country("398")]
        assert len(set(forms)) == 1
        assert Country("KZ") != Country("UZ")
        text: object = "KZ"
        assert Country("KZ") != text
        assert sorted([UZ, Country("AF"), KZ]) == [Country("AF"), KZ, UZ]

    def test_keyword(self) -> None:
        """The one argument is called code."""
        assert Country(code="kaz") == KZ

    def test_repr_and_str(self) -> None:
        """repr shows the constructor call; str is the alpha-2 code."""
        assert repr(Country("kaz")) == "Country('KZ')"
        assert str(Country(860)) == "UZ"

    def test_frozen(self) -> None:
        """A country cannot be changed."""
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            KZ.alpha2 = "UZ"  # type: ignore[misc]

    @pytest.mark.parametrize(
        "code",
        [
            "EU",
            "UN",
            "ZZ",
            "001",
            "143",
            "QO",
            "AC",
            "CP",
            "DG",
            "TA",
            "EA",
            "IC",
            "EZ",
            "XA",
            "XB",
            "AA",
            "QM",
            "CQ",
            "XKX",
            "EUE",
        ],
    )
    def test_not_countries(self, code: str) -> None:
        """Regions, groupings, reserved and user-assigned codes are refused."""
        with pytest.raises(UnknownCountryError, match=f"unknown country {code!r}"):
            Country(code)

    @pytest.mark.parametrize(
        ("code", "suggestions"),
        [
            ("UK", ("GB",)),
            ("uk", ("GB",)),
            ("DDR", ("DE",)),
            (280, ("DE",)),
            ("280", ("DE",)),
            ("ZR", ("CD",)),
            ("YU", ("RS", "ME")),
            ("BUR", ("MM",)),
        ],
    )
    def test_withdrawn(self, code: str | int, suggestions: tuple[str, ...]) -> None:
        """Withdrawn codes are refused, and the error names their successors."""
        with pytest.raises(UnknownCountryError, match="did you mean") as e:
            Country(code)
        assert e.value.suggestions == suggestions
        assert e.value.value == code

    def test_soviet_union(self) -> None:
        """SU names its fifteen successor states."""
        with pytest.raises(UnknownCountryError) as e:
            Country("SU")
        assert len(e.value.suggestions) == 15
        assert {"RU", "KZ", "UZ", "UA"} <= set(e.value.suggestions)

    @pytest.mark.parametrize(
        "code",
        [
            "",
            "   ",
            "K",
            "KZZ",
            "KAZA",
            "1000",
            "0398",
            "3 98",
            "-4",
            "４",
            "ＫＺ",
            "K Z",
            -1,
            1000,
            999,
            0,
        ],
    )
    def test_unknown(self, code: str | int) -> None:
        """Text and numbers that are no country code."""
        with pytest.raises(UnknownCountryError, match="expected an ISO 3166 code"):
            Country(code)

    @pytest.mark.parametrize("value", [None, 398.0, b"KZ", ["KZ"], dt.date.today()])
    def test_wrong_type(self, value: object) -> None:
        """Other types are an unknown country (a LookupError)."""
        with pytest.raises(UnknownCountryError) as e:
            Country(value)  # type: ignore[arg-type]
        assert e.value.value == value
        assert isinstance(e.value, LookupError)
        assert isinstance(e.value, BilatError)

    @pytest.mark.parametrize("value", [True, False])
    def test_bool(self, value: bool) -> None:
        """A bool is not a numeric code."""
        with pytest.raises(NumberTypeError, match="not a bool"):
            Country(value)

    @given(countries())
    def test_round_trips(self, country: Country) -> None:
        """repr evaluates back, and every code form gives the country back."""
        assert eval(repr(country), {"Country": Country}) == country
        assert Country(country.alpha3) == country
        assert Country(country.numeric) == country
        assert Country(str(country.numeric)) == country
        assert Country(country.alpha2.lower()) == country


class TestNames:
    """Names come from CLDR in the locale asked for."""

    @pytest.mark.parametrize(
        ("code", "locale", "name"),
        [
            ("KZ", "en", "Kazakhstan"),
            ("KZ", "ru", "Казахстан"),
            ("KZ", "kk", "Қазақстан"),
            ("KZ", "uz", "Qozogʻiston"),
            ("UZ", "en", "Uzbekistan"),
            ("UZ", "ru", "Узбекистан"),
            ("UZ", "uz", "Oʻzbekiston"),
            ("UZ", "fr", "Ouzbékistan"),
            ("UZ", "uz_Cyrl", "Ўзбекистон"),
        ],
    )
    def test_names(self, code: str, locale: str, name: str) -> None:
        """Names in English, Russian, Kazakh, Uzbek and French."""
        assert Country(code).name(locale) == name

    def test_default_and_locale_object(self) -> None:
        """English by default; a babel Locale is accepted."""
        assert KZ.name() == "Kazakhstan"
        assert KZ.name(Locale("ru")) == "Казахстан"

    def test_missing_name(self) -> None:
        """A locale without a name for the country gives the code, as CLDR does."""
        assert "KZ" not in Locale.parse("co").territories
        assert KZ.name("co") == "KZ"

    def test_unknown_locale(self) -> None:
        """An unknown locale is an error."""
        with pytest.raises(UnknownLocaleError, match="'xx_YY'"):
            KZ.name("xx_YY")


class TestLookup:
    """Country.lookup finds a country by code or by name in any language."""

    @pytest.mark.parametrize(
        ("text", "alpha2"),
        [
            ("Kazakhstan", "KZ"),
            ("Казахстан", "KZ"),
            ("Қазақстан", "KZ"),
            ("Qozogʻiston", "KZ"),
            ("Kasachstan", "KZ"),
            ("Uzbekistan", "UZ"),
            ("Oʻzbekiston", "UZ"),
            ("Ouzbékistan", "UZ"),
            ("Узбекистан", "UZ"),
            ("Ўзбекистон", "UZ"),
            ("Өзбекстан", "UZ"),
            ("KAZAKHSTAN", "KZ"),
            ("  uzbekistan  ", "UZ"),
            ("O'zbekiston", "UZ"),
            ("O’zbekiston", "UZ"),
            ("O`zbekiston", "UZ"),
            ("Ozbekiston", "UZ"),
            ("ouzbekistan", "UZ"),
            ("OUZBÉKISTAN", "UZ"),
            ("Qozog'iston", "KZ"),
            ("Guinea Bissau", "GW"),
            ("guinea-bissau", "GW"),
            ("Bosnia and Herzegovina", "BA"),
            ("Bosnia & Herzegovina", "BA"),
            ("Myanmar", "MM"),
            ("Myanmar (Burma)", "MM"),
            ("Cote d'Ivoire", "CI"),
            ("St. Lucia", "LC"),
            ("Kosovo", "XK"),
            ("KZ", "KZ"),
            ("kaz", "KZ"),
            ("860", "UZ"),
            (860, "UZ"),
        ],
    )
    def test_found(self, text: str | int, alpha2: str) -> None:
        """Names in many languages, spelled loosely, and codes."""
        assert Country.lookup(text) == Country(alpha2)

    def test_country_passes_through(self) -> None:
        """A Country is returned as it is."""
        assert Country.lookup(KZ) is KZ

    @pytest.mark.parametrize("locale", ["en", "ru", "kk", "uz", "fr", "de", "zh", "ar"])
    def test_every_country_by_its_name(self, locale: str) -> None:
        """Each country is found again by its own name in major locales."""
        for code in _codes().alpha3:
            country = Country(code)
            name = country.name(locale)
            if name != code:
                assert Country.lookup(name, locale) == country, name

    def test_typo(self) -> None:
        """A misspelt name suggests close English names."""
        with pytest.raises(UnknownCountryError, match="did you mean 'Kazakhstan'") as e:
            Country.lookup("Kazkhstan")
        assert e.value.suggestions[0] == "Kazakhstan"
        with pytest.raises(UnknownCountryError) as e:
            Country.lookup("Uzbkistan")
        assert e.value.suggestions[0] == "Uzbekistan"
        with pytest.raises(UnknownCountryError) as e:
            Country.lookup("Казахстна")
        assert e.value.suggestions[0] == "Kazakhstan"

    def test_shared_name(self) -> None:
        """A name two countries share names both, and picks neither."""
        with pytest.raises(UnknownCountryError, match="'Kongo'") as e:
            Country.lookup("Kongo")
        assert e.value.suggestions == ("Congo - Kinshasa", "Congo - Brazzaville")
        with pytest.raises(UnknownCountryError, match="'Конго'"):
            Country.lookup("Конго")

    def test_shared_name_in_a_locale(self) -> None:
        """The locale decides: in Kazakh, Конго is Kinshasa's Congo."""
        assert Country.lookup("Конго", locale="kk") == Country("CD")
        assert Country.lookup("Конго", locale=Locale("kk", "KZ")) == Country("CD")

    def test_locale_that_does_not_decide(self) -> None:
        """A locale whose language uses the name for neither leaves it shared."""
        with pytest.raises(UnknownCountryError, match="'Kongo'"):
            Country.lookup("Kongo", locale="de")

    def test_name_kept_whole_first(self) -> None:
        """A whole name wins over another country's name without its brackets."""
        assert Country.lookup("Saint-Martin") == Country("MF")
        with pytest.raises(UnknownCountryError, match="did you mean 'British Virgin"):
            Country.lookup("Виргинские о-ва")

    def test_unknown_locale(self) -> None:
        """An unknown locale is an error, even for a code."""
        with pytest.raises(UnknownLocaleError, match="'xx_YY'"):
            Country.lookup("KZ", locale="xx_YY")

    @pytest.mark.parametrize("text", ["xyzzy qwrtp", "", "   "])
    def test_nothing_close(self, text: str) -> None:
        """Nothing like any name: no suggestions."""
        with pytest.raises(UnknownCountryError, match="expected an ISO 3166 code") as e:
            Country.lookup(text)
        assert e.value.suggestions == ()
        assert e.value.value == text

    @pytest.mark.parametrize("text", ["European Union", "world", "Central Asia"])
    def test_not_countries(self, text: str) -> None:
        """Groupings and regions are not countries."""
        with pytest.raises(UnknownCountryError):
            Country.lookup(text)

    def test_withdrawn_code(self) -> None:
        """A withdrawn code suggests its successor first."""
        with pytest.raises(UnknownCountryError) as e:
            Country.lookup("DDR")
        assert e.value.suggestions[0] == "DE"

    def test_unknown_number(self) -> None:
        """A number that is no numeric code."""
        with pytest.raises(UnknownCountryError, match="1000"):
            Country.lookup(1000)

    @pytest.mark.parametrize("value", [None, 3.5, ("KZ",)])
    def test_wrong_type(self, value: object) -> None:
        """Other types are an unknown country."""
        with pytest.raises(UnknownCountryError):
            Country.lookup(value)  # type: ignore[arg-type]

    def test_bool(self) -> None:
        """A bool is refused as a number."""
        with pytest.raises(NumberTypeError):
            Country.lookup(True)

    def test_lazy(self) -> None:
        """Importing bilat and building a Country builds no name index."""
        code = (
            "import bilat, bilat._country as c\n"
            "assert c._codes.cache_info().currsize == 0\n"
            "bilat.Country('KZ')\n"
            "assert c._name_index.cache_info().currsize == 0\n"
            "bilat.Country.lookup('Kazakhstan')\n"
            "assert c._name_index.cache_info().currsize == 1\n"
        )
        subprocess.run([sys.executable, "-c", code], check=True)


def _is_code(text: str) -> bool:
    try:
        Country(text)
    except UnknownCountryError:
        return False
    return True


class TestNamesFromAnywhere:
    """The names people, the UN, the World Bank and UN Comtrade write resolve."""

    @pytest.mark.parametrize("locale", [None, "en"])
    @pytest.mark.parametrize(
        ("text", "alpha2"),
        [
            ("UAE", "AE"),
            ("U.A.E.", "AE"),
            ("United Arab Emirates", "AE"),
            ("UK", "GB"),
            ("USA", "US"),
            ("US", "US"),
            ("DRC", "CD"),
            ("DR Congo", "CD"),
            ("Congo (DRC)", "CD"),
            ("Democratic Republic of the Congo", "CD"),
            ("Ivory Coast", "CI"),
            ("South Korea", "KR"),
            ("North Korea", "KP"),
            ("Türkiye", "TR"),
            ("Turkiye", "TR"),
            ("Turkey", "TR"),
            ("Czechia", "CZ"),
            ("Czech Republic", "CZ"),
            ("Viet Nam", "VN"),
            ("Vietnam", "VN"),
            ("Lao PDR", "LA"),
            ("Laos", "LA"),
            ("Russia", "RU"),
            ("Swaziland", "SZ"),
            ("Eswatini", "SZ"),
            ("East Timor", "TL"),
            ("Burma", "MM"),
            ("Cape Verde", "CV"),
            ("Cabo Verde", "CV"),
            ("Bosnia", "BA"),
            ("Palestine", "PS"),
            ("Islas Malvinas", "FK"),
        ],
    )
    def test_english(self, text: str, alpha2: str, locale: str | None) -> None:
        """Short forms, abbreviations, old and new names in English."""
        assert Country.lookup(text, locale) == Country(alpha2)

    @pytest.mark.parametrize(
        ("text", "alpha2"),
        [
            ("Korea, Rep.", "KR"),
            ("Korea, Dem. People's Rep.", "KP"),
            ("Egypt, Arab Rep.", "EG"),
            ("Iran, Islamic Rep.", "IR"),
            ("Russian Federation", "RU"),
            ("Turkiye", "TR"),
            ("Viet Nam", "VN"),
            ("Lao PDR", "LA"),
            ("Congo, Dem. Rep.", "CD"),
            ("Congo, Rep.", "CG"),
            ("Cote d'Ivoire", "CI"),
            ("Côte d'Ivoire", "CI"),
            ("Yemen, Rep.", "YE"),
            ("Venezuela, RB", "VE"),
            ("Gambia, The", "GM"),
            ("Bahamas, The", "BS"),
            ("Kyrgyz Republic", "KG"),
            ("Slovak Republic", "SK"),
            ("Hong Kong SAR, China", "HK"),
            ("Macao SAR, China", "MO"),
            ("Micronesia, Fed. Sts.", "FM"),
            ("West Bank and Gaza", "PS"),
            ("St. Martin (French part)", "MF"),
            ("Sint Maarten (Dutch part)", "SX"),
            ("Virgin Islands (U.S.)", "VI"),
            ("British Virgin Islands", "VG"),
            ("Syrian Arab Republic", "SY"),
            ("Curacao", "CW"),
            ("St. Vincent and the Grenadines", "VC"),
        ],
    )
    def test_world_bank(self, text: str, alpha2: str) -> None:
        """The World Bank's country names."""
        assert Country.lookup(text) == Country(alpha2)

    @pytest.mark.parametrize(
        ("text", "alpha2"),
        [
            ("Rep. of Korea", "KR"),
            ("Dem. People's Rep. of Korea", "KP"),
            ("Dem. Rep. of the Congo", "CD"),
            ("Lao People's Dem. Rep.", "LA"),
            ("Turks and Caicos Isds", "TC"),
            ("Bolivia (Plurinational State of)", "BO"),
            ("United Rep. of Tanzania", "TZ"),
            ("Rep. of Moldova", "MD"),
            ("FS Micronesia", "FM"),
            ("State of Palestine", "PS"),
            ("Iran (Islamic Republic of)", "IR"),
            ("Venezuela (Bolivarian Republic of)", "VE"),
            ("Lao People's Democratic Republic", "LA"),
            ("Republic of Korea", "KR"),
            ("Democratic People's Republic of Korea", "KP"),
            ("United Republic of Tanzania", "TZ"),
        ],
    )
    def test_un_and_comtrade(self, text: str, alpha2: str) -> None:
        """UN M49 names and UN Comtrade's abbreviated ones."""
        assert Country.lookup(text) == Country(alpha2)

    @pytest.mark.parametrize("locale", [None, "ru"])
    @pytest.mark.parametrize(
        ("text", "alpha2"),
        [
            ("ОАЭ", "AE"),
            ("Объединённые Арабские Эмираты", "AE"),
            ("Объединенные Арабские Эмираты", "AE"),
            ("ДРК", "CD"),
            ("Конго (ДРК)", "CD"),
            ("Демократическая Республика Конго", "CD"),
            ("Республика Конго", "CG"),
            ("Кот-д’Ивуар", "CI"),
            ("Кот-д'Ивуар", "CI"),
            ("Республика Корея", "KR"),
            ("Турция", "TR"),
            ("Чехия", "CZ"),
            ("Чешская Республика", "CZ"),
            ("Вьетнам", "VN"),
            ("Лаос", "LA"),
            ("Лаосская Народно-Демократическая Республика", "LA"),
            ("Россия", "RU"),
            ("Российская Федерация", "RU"),
            ("Египет", "EG"),
            ("Иран", "IR"),
            ("Иран (Исламская Республика)", "IR"),
            ("Британия", "GB"),
            ("США", "US"),
            ("Польша", "PL"),
        ],
    )
    def test_russian(self, text: str, alpha2: str, locale: str | None) -> None:
        """The same countries, as written in Russian."""
        assert Country.lookup(text, locale) == Country(alpha2)

    def test_every_bundled_name(self) -> None:
        """Each name of the bundled tables finds its country, or names it as shared."""
        from importlib.resources import files

        def rows(*path: str) -> list[dict[str, str]]:
            text = files("bilat").joinpath(*path).read_text("utf-8")
            return list(csv.DictReader(x for x in text.splitlines() if x[:1] != "#"))

        named = [
            (r["alpha2"], r["text"])
            for r in rows("country_names.csv")
            if r["kind"] != "regex"
        ]
        named += [
            (r["country"], r["name"])
            for r in rows("io", "comtrade_areas.csv")
            if r["kind"] == "country"
        ]
        named += [(r["alpha2"], r["name"]) for r in rows("cldr_alt_names.csv")]
        assert len(named) > 4000
        english = {code: Country(code).name() for code in _codes().alpha3}
        wrong: list[tuple[str, str, object]] = []
        for code, name in named:
            if code not in english or _is_code(name):
                continue  # regions (UN, EU, EZ), and names that are codes ("GT")
            try:
                found = Country.lookup(name).alpha2
            except UnknownCountryError as e:
                if english[code] not in e.suggestions or len(e.suggestions) < 2:
                    wrong.append((code, name, e.suggestions))
            else:
                if found != code:
                    wrong.append((code, name, found))
        assert wrong == []

    @given(countries(), st.sampled_from(["en", "ru", "fr", "es", "zh", "ar"]))
    def test_case_and_spaces_do_not_matter(self, country: Country, locale: str) -> None:
        """A name found in one case and spacing is found in every other."""
        name = country.name(locale)
        assume(name != country.alpha2)
        assert Country.lookup(name, locale) == country
        assert Country.lookup(f"  {name.upper()} ", locale) == country
        assert Country.lookup(name.lower().replace(" ", "  "), locale) == country


class TestNoFalsePositives:
    """Similar names stay apart; a name of several countries names them all."""

    @pytest.mark.parametrize(
        ("text", "alpha2"),
        [
            ("UAE", "AE"),
            ("Guam", "GU"),
            ("Niger", "NE"),
            ("Republic of the Niger", "NE"),
            ("Nigeria", "NG"),
            ("Federal Republic of Nigeria", "NG"),
            ("Dominica", "DM"),
            ("Commonwealth of Dominica", "DM"),
            ("Dominican Republic", "DO"),
            ("Dominican Rep.", "DO"),
            ("Guinea", "GN"),
            ("Guinea-Bissau", "GW"),
            ("Equatorial Guinea", "GQ"),
            ("Papua New Guinea", "PG"),
            ("Sudan", "SD"),
            ("South Sudan", "SS"),
            ("Korea, Rep.", "KR"),
            ("Korea, Dem. People's Rep.", "KP"),
            ("Samoa", "WS"),
            ("American Samoa", "AS"),
            ("Iran", "IR"),
            ("Iraq", "IQ"),
            ("Austria", "AT"),
            ("Australia", "AU"),
            ("Congo, Rep.", "CG"),
            ("Congo, Dem. Rep.", "CD"),
        ],
    )
    def test_close_names(self, text: str, alpha2: str) -> None:
        """Names that differ by a word or a few letters find different countries."""
        assert Country.lookup(text) == Country(alpha2)

    @pytest.mark.parametrize("locale", [None, "en", "fr"])
    def test_congo(self, locale: str | None) -> None:
        """'Congo' alone is either Congo, and the error names both."""
        with pytest.raises(UnknownCountryError, match="'Congo'") as e:
            Country.lookup("Congo", locale)
        assert set(e.value.suggestions) == {"Congo - Kinshasa", "Congo - Brazzaville"}

    def test_congo_in_spanish(self) -> None:
        """In Spanish, 'Congo' is the Republic of the Congo."""
        assert Country.lookup("Congo", "es") == Country("CG")

    def test_several_countries_matched(self) -> None:
        """Text that matches several countries' patterns names each of them."""
        with pytest.raises(UnknownCountryError) as e:
            Country.lookup("Korea and Japan")
        assert e.value.suggestions == ("Japan", "South Korea")

    @pytest.mark.parametrize("text", ["hydrocarbons", "Narnia", "Atlantis"])
    def test_inside_a_word(self, text: str) -> None:
        """A pattern found inside a word ('drc' in 'hydrocarbons') does not count."""
        with pytest.raises(UnknownCountryError):
            Country.lookup(text)


class TestCodeErrors:
    """Country() takes codes; its errors give the code of a name and the call for names."""

    @pytest.mark.parametrize(
        ("text", "alpha2"),
        [("Poland", "PL"), ("UAE", "AE"), ("Germany", "DE"), ("Казахстан", "KZ")],
    )
    def test_name(self, text: str, alpha2: str) -> None:
        """A name is refused; the error gives its code and Country.lookup."""
        with pytest.raises(UnknownCountryError) as e:
            Country(text)
        assert e.value.suggestions == (alpha2,)
        assert f"Country.lookup('{text}') takes names" in str(e.value)
        assert f"did you mean '{alpha2}'?" in str(e.value)
        assert Country.lookup(text) == Country(alpha2)

    def test_no_name(self) -> None:
        """Text that names no country shows what a code looks like."""
        with pytest.raises(UnknownCountryError) as e:
            Country("Narnia")
        assert e.value.suggestions == ()
        assert "expected an ISO 3166 code such as 'PL'" in str(e.value)
        assert "Country.lookup() also takes names" in str(e.value)

    def test_shared_name(self) -> None:
        """A name of several countries suggests no code."""
        with pytest.raises(UnknownCountryError) as e:
            Country("Congo")
        assert e.value.suggestions == ()

    def test_withdrawn_code_first(self) -> None:
        """A withdrawn code still suggests its successors."""
        with pytest.raises(UnknownCountryError) as e:
            Country("UK")
        assert e.value.suggestions == ("GB",)

    def test_parties_in_a_file(self) -> None:
        """parties = ["DE", "Poland"] is refused with the code to write."""
        with pytest.raises(ValidationError, match="did you mean 'PL'") as e:
            as_parties(["DE", "Poland"])
        assert e.value.path == "parties[1]"
        assert "expected a country name" not in str(e.value)


class TestNormaliseName:
    """Names are compared in a loose form."""

    @pytest.mark.parametrize(
        ("text", "normal"),
        [
            ("Kazakhstan", "kazakhstan"),
            ("  Oʻzbekiston ", "ozbekiston"),
            ("O’zbekiston", "ozbekiston"),
            ("Ouzbékistan", "ouzbekistan"),
            ("Guinea-Bissau", "guinea bissau"),
            ("Guinea – Bissau", "guinea bissau"),
            ("St. Kitts & Nevis", "st kitts and nevis"),
            ("Côte d’Ivoire", "cote divoire"),
            ("Қазақстан", "қазақстан"),
            ("Йемен", "иемен"),
            ("ÅLAND", "aland"),
        ],
    )
    def test_normalise(self, text: str, normal: str) -> None:
        """Case, marks, apostrophes, dots and dashes are set aside."""
        assert normalise_name(text) == normal


class TestCurrency:
    """The legal tender, from CLDR."""

    @pytest.mark.parametrize(
        ("code", "currency"),
        [
            ("KZ", "KZT"),
            ("UZ", "UZS"),
            ("US", "USD"),
            ("XK", "EUR"),
            ("SV", "USD"),
            ("EC", "USD"),
            ("PA", "PAB"),
            ("BT", "BTN"),
            ("LS", "LSL"),
            ("NA", "NAD"),
            ("PS", "ILS"),
        ],
    )
    def test_current(self, code: str, currency: str) -> None:
        """One currency; the country's own where several are legal tender."""
        assert Country(code).currency == Currency(currency)

    def test_every_country_but_antarctica(self) -> None:
        """Every country has a current currency, except Antarctica."""
        for code in _codes().alpha3:
            if code != "AQ":
                assert isinstance(Country(code).currency, Currency)

    def test_antarctica(self) -> None:
        """Antarctica has no legal tender."""
        with pytest.raises(
            CurrencyNotFoundError, match="no legal tender for 'AQ'"
        ) as e:
            Country("AQ").currency  # noqa: B018
        assert (e.value.country, e.value.on) == ("AQ", None)
        assert isinstance(e.value, LookupError)

    @pytest.mark.parametrize(
        ("code", "on", "currency"),
        [
            ("KZ", dt.date(1995, 1, 1), "KZT"),
            ("LS", dt.date(1975, 6, 1), "ZAR"),
            ("LS", dt.date(2025, 6, 1), "LSL"),
            ("HR", dt.date(2023, 6, 1), "EUR"),
            ("ZW", dt.date(2010, 1, 1), "USD"),
            ("SS", dt.date(2011, 8, 1), "SSP"),
            ("SV", dt.date(2001, 1, 1), "USD"),
            ("EC", dt.date(2000, 10, 2), "USD"),
        ],
    )
    def test_on(self, code: str, on: dt.date, currency: str) -> None:
        """On a date; during a changeover, the currency that stays."""
        assert Country(code).currency_on(on) == Currency(currency)

    def test_none_that_day(self) -> None:
        """Before the tenge there is no Kazakh currency in CLDR."""
        with pytest.raises(CurrencyNotFoundError, match="'KZ' on 1990-01-01") as e:
            KZ.currency_on(dt.date(1990, 1, 1))
        assert e.value.on == dt.date(1990, 1, 1)

    @pytest.mark.parametrize(
        ("code", "on", "currency"),
        [
            ("BG", dt.date(2024, 6, 1), "BGN"),
            ("BG", dt.date(1995, 6, 1), "BGL"),
            ("HR", dt.date(2022, 6, 1), "HRK"),
            ("CW", dt.date(2024, 6, 1), "ANG"),
            ("DE", dt.date(1995, 6, 1), "DEM"),
        ],
    )
    def test_withdrawn_currency(self, code: str, on: dt.date, currency: str) -> None:
        """A legal tender ISO 4217 has since withdrawn is the currency of its day."""
        found = Country(code).currency_on(on)
        assert found == Currency(currency)
        assert found.historic

    @pytest.mark.parametrize(
        ("code", "on", "currency"),
        [
            ("BG", dt.date(2026, 1, 15), "EUR"),  # lev and euro both tender
            ("BG", dt.date(2026, 6, 1), "EUR"),
            ("CW", dt.date(2025, 5, 1), "XCG"),  # guilder and Caribbean guilder
        ],
    )
    def test_after_withdrawal(self, code: str, on: dt.date, currency: str) -> None:
        """From the changeover on, the currency that replaced the withdrawn one."""
        assert Country(code).currency_on(on) == Currency(currency)
        assert not Country(code).currency_on(on).historic

    def test_no_iso_code(self) -> None:
        """A legal tender CLDR lists under a code of its own (BGM) is reported."""
        with pytest.raises(CurrencyNotFoundError, match="'BGM' has no ISO 4217 code"):
            Country("BG").currency_on(dt.date(1960, 6, 1))

    @pytest.mark.parametrize("on", [dt.datetime(2024, 1, 1), "2024-01-01", None])
    def test_on_must_be_a_date(self, on: object) -> None:
        """Only a date is accepted."""
        with pytest.raises(ValidationError, match="expected a date") as e:
            KZ.currency_on(on)  # type: ignore[arg-type]
        assert e.value.path == "on"


class TestConverters:
    """Converters used by other values name the field in their errors."""

    def test_as_country(self) -> None:
        """A code becomes a Country; a bad one a ValidationError with the path."""
        assert as_country("kaz", "country") == KZ
        assert as_country(KZ, "country") is KZ
        with pytest.raises(ValidationError, match="unknown country 'XX'") as e:
            as_country("XX", "reporter")
        assert e.value.path == "reporter"
        with pytest.raises(ValidationError, match="not a bool"):
            as_country(True, "country")

    def test_as_parties(self) -> None:
        """Codes become countries, in order."""
        assert as_parties(["UZ", 398]) == (UZ, KZ)
        assert as_parties((KZ, UZ, "KG")) == (KZ, UZ, Country("KG"))

    @pytest.mark.parametrize(
        ("value", "path", "message"),
        [
            ("KZUZ", "parties", "sequence of at least two"),
            (5, "parties", "sequence of at least two"),
            (["KZ"], "parties", "at least two countries"),
            ([], "parties", "at least two countries"),
            (["KZ", "XX"], "parties[1]", "unknown country 'XX'"),
            (["KZ", "UZ", "kaz"], "parties[2]", r"Country\('KZ'\) is named twice"),
        ],
    )
    def test_as_parties_errors(self, value: object, path: str, message: str) -> None:
        """Too few, unknown or repeated parties."""
        with pytest.raises(ValidationError, match=message) as e:
            as_parties(value)
        assert e.value.path == path


def test_exported() -> None:
    """The public names are importable from bilat."""
    assert bilat.Country is Country
    assert bilat.CurrencyNotFoundError is CurrencyNotFoundError


class TestFuzzRegressions:
    """Codes and names that fuzzing found."""

    @pytest.mark.parametrize("code", ["ß", "ıt", "ſe", "ﬅ", "ﬆ"])
    def test_letters_that_upper_case_to_ascii(self, code: str) -> None:
        """'ß'.upper() is 'SS' and 'ı'.upper() is 'I': such codes are refused."""
        with pytest.raises(UnknownCountryError, match=f"unknown country '{code}'"):
            Country(code)

    @pytest.mark.parametrize(
        "key", ["kazakstn", "uzbekstan", "kongo", "ab", "x", "germani", "a" * 30]
    )
    def test_suggestions_as_difflib_over_all_names(self, key: str) -> None:
        """Leaving out names of hopeless length changes no suggestion."""
        import difflib

        from bilat._country import _close_names, _name_index

        index = _name_index()
        expected: list[str] = []
        for match in difflib.get_close_matches(key, index.names, n=10, cutoff=0.75):
            for code in sorted(index.names[match]):
                if index.english[code] not in expected:
                    expected.append(index.english[code])
        assert _close_names(key) == expected[:3]


class TestHostileNames:
    """A str subclass whose methods raise is read as its characters."""

    class Hostile(str):
        """A name whose length and case folding raise."""

        def __len__(self) -> int:
            raise RuntimeError("len")

        def casefold(self) -> str:
            raise RuntimeError("casefold")

    def test_country(self) -> None:
        """Country() refuses an unknown name with an UnknownCountryError, not the subclass's error."""
        with pytest.raises(UnknownCountryError):
            Country(self.Hostile("Narnia"))

    def test_lookup(self) -> None:
        """Country.lookup finds a known name and refuses an unknown one cleanly."""
        assert Country.lookup(self.Hostile("Poland")) == Country("PL")
        with pytest.raises(UnknownCountryError):
            Country.lookup(self.Hostile("Narnia"))

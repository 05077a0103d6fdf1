#!/usr/bin/env python3
"""Generate the [country] lines of data/actors/10-countries.txt from Debian's iso-codes.

Usage:
    tools/gen_countries.py [--iso PATH] [--actors data/actors/10-countries.txt] [--stdout]

Reads ISO 3166-1 from iso-codes (default /usr/share/iso-codes/json/iso_3166-1.json;
`apt-get install iso-codes`) and writes one line per country:

    QAT = Qatar | State of Qatar | Qatari

The code is the ISO alpha-3 code (CAMEO uses it for states). Names are the ISO
name, common_name and official_name, minus the inverted "X, Y of" forms, with
parenthesised parts split off and an ASCII-folded copy of names with accents;
then the hand-written extras below (short names, abbreviations, demonyms).

By default the block between the lines "# BEGIN generated countries" and
"# END generated countries" in data/actors/10-countries.txt is replaced; everything else in
the file is left as it is. --stdout prints the block instead.
"""

import argparse
import json
import os
import re
import sys
import unicodedata

DEFAULT_ISO = "/usr/share/iso-codes/json/iso_3166-1.json"
BEGIN = "# BEGIN generated countries (tools/gen_countries.py; edit the tables there, not here)"
END = "# END generated countries"

# ISO names we do not use as names: ordinary English words, or forms that fire wrongly.
# (Keep this short; the risky names that are kept are listed in data/PROVENANCE.md.)
DROP_NAMES = {
    "JEY": {"Jersey"},          # "jersey" (clothing), "New Jersey"
    "GGY": {"Guernsey"},        # knitwear / cattle; kept as "Bailiwick of Guernsey"
    "REU": {"Reunion"},         # ASCII fold of Réunion is an English word
    "MAF": {"Saint Martin (French part)"},
    "SXM": {"Sint Maarten (Dutch part)"},
    "TWN": {"Taiwan, Province of China"},
}

# Extra names per alpha-3 code: short names, abbreviations, older names.
EXTRA = {
    "USA": ["U.S.", "US", "U.S.A.", "USA", "America"],
    "GBR": ["U.K.", "UK", "Britain", "Great Britain"],
    "RUS": ["Russia"],
    "IRN": ["Islamic Republic"],
    "SYR": ["Syria"],
    "KOR": ["South Korea", "Republic of Korea", "ROK"],
    "PRK": ["North Korea", "DPRK", "D.P.R.K."],
    "VNM": ["Vietnam"],
    "LAO": ["Laos"],
    "PSE": ["Palestine", "State of Palestine", "Palestinian territories",
            "Palestinian territory", "occupied Palestinian territories",
            "Occupied Palestinian Territory"],
    "ARE": ["UAE", "U.A.E.", "Emirates"],
    "TUR": ["Turkey", "Turkiye"],
    "CIV": ["Ivory Coast"],
    "MMR": ["Burma"],
    "CZE": ["Czech Republic"],
    "MKD": ["Macedonia"],
    "SWZ": ["Swaziland"],
    "TLS": ["East Timor"],
    "CPV": ["Cape Verde"],
    "COD": ["Democratic Republic of the Congo", "Democratic Republic of Congo", "DR Congo", "DRC", "D.R.C.",
            "Congo-Kinshasa"],
    "COG": ["Republic of Congo", "Congo-Brazzaville"],
    "VAT": ["Vatican", "Vatican City", "Holy See"],
    "NLD": ["Holland"],
    "BOL": ["Bolivia"],
    "VEN": ["Venezuela"],
    "TZA": ["Tanzania"],
    "MDA": ["Moldova"],
    "FSM": ["Micronesia"],
    "GMB": ["The Gambia"],
    "BHS": ["The Bahamas"],
    "JEY": ["Bailiwick of Jersey"],
    "GGY": ["Bailiwick of Guernsey"],
    "SHN": ["Saint Helena", "St Helena"],
    "KNA": ["St Kitts and Nevis", "St. Kitts and Nevis"],
    "LCA": ["St Lucia", "St. Lucia"],
    "VCT": ["St Vincent and the Grenadines", "St. Vincent and the Grenadines"],
    "BIH": ["Bosnia"],
    "TTO": ["Trinidad"],
    "PNG": ["PNG"],
    "SAU": ["KSA"],
    "DEU": [],
    "CHN": ["PRC", "P.R.C.", "mainland China"],
    "TWN": ["Republic of China"],
    "PCN": ["Pitcairn Islands"],
    "BRN": ["Brunei"],
    "HKG": ["Hong Kong SAR"],
    "MAF": ["Saint-Martin", "Collectivity of Saint Martin"],
    "SXM": ["Sint Maarten"],
}

# Demonyms / adjectives that name the state (matched case-insensitively, singular;
# the plural goes through the lemma). Only ones we are sure of; none for codes
# where the adjective is ambiguous (e.g. "Korean", "Congolese" is given to COD).
DEMONYMS = {
    "AFG": ["Afghan", "Afghanistani"],
    "ALB": ["Albanian"],
    "DZA": ["Algerian"],
    "AND": ["Andorran"],
    "AGO": ["Angolan"],
    "ATG": ["Antiguan"],
    "ARG": ["Argentine", "Argentinian", "Argentinean"],
    "ARM": ["Armenian"],
    "AUS": ["Australian"],
    "AUT": ["Austrian"],
    "AZE": ["Azerbaijani", "Azeri"],
    "BHS": ["Bahamian"],
    "BHR": ["Bahraini"],
    "BGD": ["Bangladeshi"],
    "BRB": ["Barbadian"],
    "BLR": ["Belarusian", "Belarussian", "Byelorussian"],
    "BEL": ["Belgian"],
    "BLZ": ["Belizean"],
    "BEN": ["Beninese"],
    "BTN": ["Bhutanese"],
    "BOL": ["Bolivian"],
    "BIH": ["Bosnian"],
    "BWA": ["Botswanan"],
    "BRA": ["Brazilian"],
    "BRN": ["Bruneian"],
    "BGR": ["Bulgarian"],
    "BFA": ["Burkinabe", "Burkinabè"],
    "BDI": ["Burundian"],
    "KHM": ["Cambodian"],
    "CMR": ["Cameroonian"],
    "CAN": ["Canadian"],
    "CPV": ["Cape Verdean", "Cabo Verdean"],
    "CAF": ["Central African"],
    "TCD": ["Chadian"],
    "CHL": ["Chilean"],
    "CHN": ["Chinese"],
    "COL": ["Colombian"],
    "COM": ["Comoran", "Comorian"],
    "COD": ["Congolese"],
    "CRI": ["Costa Rican"],
    "CIV": ["Ivorian"],
    "HRV": ["Croatian"],
    "CUB": ["Cuban"],
    "CYP": ["Cypriot"],
    "CZE": ["Czech"],
    "DNK": ["Danish"],
    "DJI": ["Djiboutian"],
    "DOM": ["Dominican"],
    "ECU": ["Ecuadorian", "Ecuadorean"],
    "EGY": ["Egyptian"],
    "SLV": ["Salvadoran", "Salvadorean"],
    "GNQ": ["Equatorial Guinean"],
    "ERI": ["Eritrean"],
    "EST": ["Estonian"],
    "SWZ": ["Swazi", "Eswatini"],
    "ETH": ["Ethiopian"],
    "FJI": ["Fijian"],
    "FIN": ["Finnish"],
    "FRA": ["French"],
    "GAB": ["Gabonese"],
    "GMB": ["Gambian"],
    "GEO": ["Georgian"],
    "DEU": ["German"],
    "GHA": ["Ghanaian"],
    "GRC": ["Greek"],
    "GRD": ["Grenadian"],
    "GTM": ["Guatemalan"],
    "GIN": ["Guinean"],
    "GNB": ["Bissau-Guinean"],
    "GUY": ["Guyanese"],
    "HTI": ["Haitian"],
    "HND": ["Honduran"],
    "HUN": ["Hungarian"],
    "ISL": ["Icelandic"],
    "IND": ["Indian"],
    "IDN": ["Indonesian"],
    "IRN": ["Iranian"],
    "IRQ": ["Iraqi"],
    "IRL": ["Irish"],
    "ISR": ["Israeli"],
    "ITA": ["Italian"],
    "JAM": ["Jamaican"],
    "JPN": ["Japanese"],
    "JOR": ["Jordanian"],
    "KAZ": ["Kazakh", "Kazakhstani"],
    "KEN": ["Kenyan"],
    "KWT": ["Kuwaiti"],
    "KGZ": ["Kyrgyz", "Kirghiz"],
    "LAO": ["Laotian"],
    "LVA": ["Latvian"],
    "LBN": ["Lebanese"],
    "LSO": ["Basotho"],
    "LBR": ["Liberian"],
    "LBY": ["Libyan"],
    "LTU": ["Lithuanian"],
    "LUX": ["Luxembourgish"],
    "MDG": ["Malagasy"],
    "MWI": ["Malawian"],
    "MYS": ["Malaysian"],
    "MDV": ["Maldivian"],
    "MLI": ["Malian"],
    "MLT": ["Maltese"],
    "MRT": ["Mauritanian"],
    "MUS": ["Mauritian"],
    "MEX": ["Mexican"],
    "MDA": ["Moldovan"],
    "MCO": ["Monegasque"],
    "MNG": ["Mongolian"],
    "MNE": ["Montenegrin"],
    "MAR": ["Moroccan"],
    "MOZ": ["Mozambican"],
    "MMR": ["Burmese"],
    "NAM": ["Namibian"],
    "NPL": ["Nepali", "Nepalese"],
    "NLD": ["Dutch"],
    "NZL": ["New Zealander"],
    "NIC": ["Nicaraguan"],
    "NER": ["Nigerien"],
    "NGA": ["Nigerian"],
    "MKD": ["Macedonian", "North Macedonian"],
    "NOR": ["Norwegian"],
    "OMN": ["Omani"],
    "PAK": ["Pakistani"],
    "PSE": ["Palestinian"],
    "PAN": ["Panamanian"],
    "PNG": ["Papua New Guinean"],
    "PRY": ["Paraguayan"],
    "PER": ["Peruvian"],
    "PHL": ["Filipino", "Philippine"],
    "POL": ["Polish"],
    "PRT": ["Portuguese"],
    "PRI": ["Puerto Rican"],
    "QAT": ["Qatari"],
    "ROU": ["Romanian"],
    "RUS": ["Russian"],
    "RWA": ["Rwandan"],
    "WSM": ["Samoan"],
    "SAU": ["Saudi", "Saudi Arabian"],
    "SEN": ["Senegalese"],
    "SRB": ["Serbian"],
    "SYC": ["Seychellois"],
    "SLE": ["Sierra Leonean"],
    "SGP": ["Singaporean"],
    "SVK": ["Slovak", "Slovakian"],
    "SVN": ["Slovenian", "Slovene"],
    "SOM": ["Somali", "Somalian"],
    "ZAF": ["South African"],
    "SSD": ["South Sudanese"],
    "KOR": ["South Korean"],
    "PRK": ["North Korean"],
    "ESP": ["Spanish"],
    "LKA": ["Sri Lankan"],
    "SDN": ["Sudanese"],
    "SUR": ["Surinamese"],
    "SWE": ["Swedish"],
    "CHE": ["Swiss"],
    "SYR": ["Syrian"],
    "TWN": ["Taiwanese"],
    "TJK": ["Tajik", "Tajikistani"],
    "TZA": ["Tanzanian"],
    "THA": ["Thai"],
    "TLS": ["Timorese"],
    "TGO": ["Togolese"],
    "TON": ["Tongan"],
    "TTO": ["Trinidadian"],
    "TUN": ["Tunisian"],
    "TUR": ["Turkish"],
    "TKM": ["Turkmen"],
    "UGA": ["Ugandan"],
    "UKR": ["Ukrainian"],
    "ARE": ["Emirati"],
    "GBR": ["British", "Briton"],
    "USA": ["American"],
    "URY": ["Uruguayan"],
    "UZB": ["Uzbek", "Uzbekistani"],
    "VUT": ["Ni-Vanuatu"],
    "VEN": ["Venezuelan"],
    "VNM": ["Vietnamese"],
    "ESH": ["Sahrawi"],
    "YEM": ["Yemeni"],
    "ZMB": ["Zambian"],
    "ZWE": ["Zimbabwean"],
    "KIR": ["I-Kiribati"],
    "BMU": ["Bermudian"],
    "GRL": ["Greenlandic"],
    "HKG": [],
}


def ascii_fold(s):
    return "".join(c for c in unicodedata.normalize("NFKD", s)
                   if not unicodedata.combining(c))


def split_name(name):
    """'Falkland Islands (Malvinas)' -> ['Falkland Islands', 'Malvinas']; drop inverted forms."""
    out = []
    m = re.match(r"^(.*?)\s*\((.*)\)\s*$", name)
    if m:
        out.append(m.group(1))
        if not m.group(2).endswith(" part"):   # "(French part)" qualifies, it is no name
            out.append(m.group(2))
    else:
        out.append(name)
    res = []
    for n in out:
        n = n.strip()
        if n.lower().startswith("the "):
            n = n[4:]
        if "," in n:          # inverted forms: "Korea, Republic of", "Virgin Islands, British"
            tail = n.split(",", 1)[1].strip()
            if re.search(r"\bof( the)?$", tail) or " " not in tail:
                continue
        if n:
            res.append(n)
    return res


def build(iso_path):
    with open(iso_path, encoding="utf-8") as f:
        data = json.load(f)["3166-1"]
    lines = []
    for e in sorted(data, key=lambda e: e["alpha_3"]):
        code = e["alpha_3"]
        names = []
        for key in ("common_name", "name", "official_name"):
            if key in e:
                names += split_name(e[key])
        names += EXTRA.get(code, [])
        names += DEMONYMS.get(code, [])
        full = []
        for n in names:
            full.append(n)
            f = ascii_fold(n)
            if f != n:
                full.append(f)
        seen = set()
        uniq = []
        drop = DROP_NAMES.get(code, set())
        for n in full:
            if n in drop or n.lower() in seen:
                continue
            if "|" in n or "#" in n or "=" in n or "{" in n:
                continue
            seen.add(n.lower())
            uniq.append(n)
        if not uniq:
            continue
        lines.append("%s = %s" % (code, " | ".join(uniq)))
    return lines


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--iso", default=DEFAULT_ISO)
    here = os.path.dirname(os.path.abspath(__file__))
    ap.add_argument("--actors", default=os.path.join(here, "..", "data", "actors", "10-countries.txt"))
    ap.add_argument("--stdout", action="store_true")
    a = ap.parse_args()
    lines = build(a.iso)
    block = [BEGIN] + lines + [END]
    if a.stdout:
        print("\n".join(block))
        return 0
    with open(a.actors, encoding="utf-8") as f:
        text = f.read().split("\n")
    try:
        b = next(i for i, l in enumerate(text) if l.startswith("# BEGIN generated countries"))
        e = next(i for i, l in enumerate(text) if l.startswith(END))
    except StopIteration:
        sys.stderr.write("%s: no generated-countries markers\n" % a.actors)
        return 1
    text[b:e + 1] = block
    with open(a.actors, "w", encoding="utf-8") as f:
        f.write("\n".join(text))
    sys.stderr.write("%s: %d country lines\n" % (a.actors, len(lines)))
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env bash
# Regenerates the language tables LanguageStage reads (src/main/resources/languages/):
#   iso-639-3.tsv       every ISO 639-3 code and its reference name, from Debian's iso-codes package
#                       (apt-get install iso-codes; it follows the SIL registration authority's tables);
#   iso-639-2b.tsv      ISO 639-2's bibliographic codes (ger, fre, arm) and the ISO 639-3 code of the same
#                       language (deu, fra, hye), from the same package: library and feed metadata uses them;
#   macrolanguages.tsv  the individual languages Unicode CLDR replaces by their macrolanguage
#                       (supplementalMetadata.xml, languageAlias reason="macrolanguage": azj -> az),
#                       read from ICU4J's copy of CLDR.
# other-names.tsv is kept by hand (its header says where each name comes from).
set -euo pipefail
ICU_VERSION=76.1
out="$(dirname "$0")/../../src/main/resources/languages"
iso_codes=/usr/share/iso-codes/json/iso_639-3.json

{
  echo "# ISO 639-3 code and reference name; from Debian iso-codes $(dpkg-query -W -f='${Version}' iso-codes) ($iso_codes)."
  echo "# The special codes mis, mul, und and zxx are left out: they name no language."
  python3 -c '
import json, sys
for lang in json.load(open(sys.argv[1]))["639-3"]:
    if lang["scope"] != "S":
        print(lang["alpha_3"] + "\t" + lang["name"])' "$iso_codes"
} > "$out/iso-639-3.tsv"

{
  echo "# ISO 639-2 bibliographic code and the ISO 639-3 (terminology) code of the same language;"
  echo "# from Debian iso-codes $(dpkg-query -W -f='${Version}' iso-codes) (/usr/share/iso-codes/json/iso_639-2.json)."
  python3 -c '
import json, sys
for lang in json.load(open(sys.argv[1]))["639-2"]:
    if "bibliographic" in lang:
        print(lang["bibliographic"] + "\t" + lang["alpha_3"])' /usr/share/iso-codes/json/iso_639-2.json
} > "$out/iso-639-2b.tsv"

mvn -q -B dependency:get -Dartifact=com.ibm.icu:icu4j:$ICU_VERSION
icu=~/.m2/repository/com/ibm/icu/icu4j/$ICU_VERSION/icu4j-$ICU_VERSION.jar
{
  echo "# Individual language and the macrolanguage Unicode CLDR replaces it by (supplementalMetadata.xml,"
  echo "# languageAlias reason=\"macrolanguage\"), as ICU4J $ICU_VERSION carries it."
  jshell --class-path "$icu" -q <(cat <<'JSH'
var aliases = com.ibm.icu.util.UResourceBundle.getBundleInstance(com.ibm.icu.impl.ICUData.ICU_BASE_NAME, "metadata",
        com.ibm.icu.impl.ICUData.class.getClassLoader()).get("alias").get("language");
for (int i = 0; i < aliases.getSize(); i++) {
    var alias = aliases.get(i);
    if (alias.get("reason").getString().equals("macrolanguage")) {
        System.out.println(alias.getKey() + "\t" + alias.get("replacement").getString());
    }
}
/exit
JSH
)
} > "$out/macrolanguages.tsv"

"""The regular expressions of triage and scope, run on `rule_text(question)`: emergencies, refusals,
instructions aimed at the assistant, and what the corpus cannot answer. Data more than code: add a
wording here, with a test in tests/test_safety.py."""

from __future__ import annotations

import re

from bot.intents import knowledge
from bot.profile import AMOUNT, DURATION_UNIT
from bot.text import normalize

_REPEATS = re.compile(r"([a-z])\1{2,}")
_SMS_WORD = re.compile(r"[a-z]+")


def rule_text(question: str) -> str:
    """The form the rules read: normalised, letters repeated three times or more collapsed, SMS words spelled out.

    >>> rule_text("jveu plu vivre, g mal tt le temps, c tro duuur")
    "je veux plus vivre, j'ai mal tout le temps, c tro dur"
    """
    sms = knowledge()["sms"]
    text = _REPEATS.sub(r"\1", normalize(question))
    text = _SMS_WITH_IT.sub(r"\1 avec", _SMS_WITH.sub("avec ", text))
    return _SMS_WORD.sub(lambda m: sms.get(m.group(0), m.group(0)), text)


# "avc" before a determiner, a pronoun or "mal" is "avec" in SMS spelling ("pk pas avc ma statine ?", "confuse avc mal
# a la tete"), not a stroke (AVC), unless a stroke is what it follows ("un avc la semaine derniere");
# so is "avc" ending a question after something one drinks or takes ("jpeu boire un verre avc ?": with it)
_SMS_WITH = re.compile(
    r"(?<!\bun )(?<!\bl')(?<!\bd')(?<!\bmon )(?<!\bson )(?<!\bfait )(?<!\bfais )(?<!\bfaire )"
    r"\bavc (?=(?:ma|mon|mes|ta|ton|tes|sa|son|ses|le|la|les|un|une|des|du|lui|moi|toi|elle|eux|ca|ce|cette|cet|"
    r"nos|vos|leur|leurs|quoi|qui|mal|beaucoup|plein|trop)\b|[ld]')"
)
_SMS_WITH_IT = re.compile(
    r"\b(boire|bu|verres?|biere|vin|prendre|pris|manger|melanger|associer|ok|aussi) avc(?= ?[?!.]| *$)"
)


def _rx(*patterns: str) -> re.Pattern:
    return re.compile("|".join(f"(?:{p})" for p in patterns))


# All patterns run on the normalised question (lower case, no accents, straight apostrophes).
# "Personal" means the patient (or a relative) reports something happening now, as opposed to
# asking about a risk in general: "j'ai un abcès" is urgent, "les abcès sont-ils fréquents ?" is not.
ME = (
    r"(?:\bj'?ai\b|\bjai\b|\bg\b|\bje\b|\bj'|\bjsuis\b|\bchui\b|\bmon\b|\bma\b|\bmes\b|\bi\b|\bi'?m\b|\bi'?ve\b|\bmy\b)"
)

# Warning signs of suicide shown, or told by someone else, rather than said in so many words: giving things away
# "for after", farewells, affairs put in order, a means at hand (blades, a rope, pills put aside), no future seen,
# standing on a bridge. They are lived by nature: a question on the risk around them does not make them hypothetical.
SUICIDE_SIGNS = (
    r"\b(sauter|jump)\b.{0,30}\b(du|d'un|de la|off|from) (le |the |a )?(pont|toit|bridge|roof|balcon|balcony|fenetre|window)\b|"
    r"\b(pont|bridge|toit|roof)\b.{0,60}\b(sauter|jump)\b",
    r"\b(note|lettre|letter|mot|message)\b.{0,40}\b(sorry|pardon|desole\w*|adieu|goodbye)\b.{0,60}\b(better this way|mieux comme ca|mieux ainsi)\b|"
    r"\b(better this way|mieux comme ca|mieux ainsi)\b",
    r"\brecoup\w*\b|\b(me|se|te) (suis|est|es|etais|etait) (scarifi|taillad|mutil)\w*",
    r"\b(me|se|te) fou[st]? en l'air\b|\bfoutre en l'air\b",
    r"\bplus simple\b.{0,30}\bsi (je|j') ?(n'?etais|etais|existais|disparaissais|partais|mourais)",
    r"\b(gave|give|giving|donne|donnee?|offert)\b.{0,15}\b(most of |all of |toutes? )?(my|his|her|their|mes|ses|leurs) "
    r"(stuff|things|belongings|affaires|possessions)\b|\b(tie|tying|tied) up (the |my )?loose ends\b",
    r"\b(je|il|elle) (ne )?(vous|te|les) (embete|embeterai|derange|generai|gene)\w* plus\b",
    r"\b(me|se|te) (coupe\w*|taillad\w*|scarifi\w*|brule\w*) (un peu |parfois |souvent |encore )?(les|le|la|ses|mes) "
    r"(bras|poignets?|cuisses?|jambes?|ventre|avant-bras)",
    r"\bsi (un jour )?(je|j') ?(ne )?(suis|serai) plus la\b",
    # pills set aside ("rassemblé toutes mes gélules"); not put away ("comment ranger les comprimés ?")
    r"\b(saving|saving up|saved up|rassembl\w*|cache\w*|stock\w*|accumul\w*)\b.{0,30}"
    r"\b(her|his|my|their|toutes? (mes|ses)|mes|ses)?\s?(sleeping pills|somniferes|pills|gelules|cachets|comprimes|capsules)\b",
    r"\brange\w* (toutes?|tous) (mes|ses) (somniferes|gelules|cachets|comprimes|medicaments)\b",
    r"\b(debarrasse\w*|rid) (de|of) (moi|lui|elle|me|him|her)\b",
    # an announced intent to take all of one's pills ("je vais prendre toutes mes pilules ce soir"; SMS "jvé", "jvais")
    r"\b(je vais|j'?vais|jvais|jve|jvai|i'?m going to|i'?m gonna|i will|i'?ll) (prendre|avaler|take|swallow) "
    r"(toutes? |tous |all (of )?)(mes|my) (pilules|comprimes|cachets|medicaments|gelules|pills|tablets|meds|capsules)\b"
    r"(?! (a la meme heure|en meme temps|ensemble|au (petit|meme)|at (the same time|once)|together|in the morning))",
    r"\ba quoi bon (vivre|continuer tout court|continuer a vivre)\b|\bwhat'?s the point (of|in) (living|going on|anything)\b",
    r"\b(de|a) (ne )?(plus|pas|jamais) (me|se) reveiller\b",
    r"\b(planning|planned|plan|thinking about|imagining|imagine) how (i'?d|i would|to|i could|i'?ll) (do it|end it)\b|"
    r"\b(went|go|going) through with it\b",
    r"\b(ecrit|written|wrote|laisse|left)\b.{0,20}\b(des |une |a |some )?(lettres?|letters?|mots?|notes?)\b.{0,40}"
    r"\b(au cas ou|just in case|pour (ma|mes|sa|ses) (famille|proches|parents|enfants)|for (my|his|her) (family|parents|kids))",
    r"\b(me|se|te) (fais|fait|faire|faisait) des (marques|traces|bleus|blessures)\b.{0,20}\b(sur|aux) (les |mes |ses )?(bras|poignets|cuisses|jambes)",
    r"\b(regarde|regardait|regarder|looked at|staring at|stared at|look at)\b.{0,30}\b(le pont|the bridge|le vide|the edge|les rails|the tracks)\b",
    r"\b(didn'?t|did not|wouldn'?t|would not|never) wake up\b",
    r"\b(ressorti|sorti|repris|pulled out|took out|got out)\b.{0,20}\b(les |mes |the |my )?(lames|blades|razors?|rasoirs?)\b|"
    r"\b(lames|blades|razors?|rasoirs?)\b.{0,40}\b(me calmer|calm (me|myself)( down)?|me soulager)\b",
    r"\b(giving|gave|gives|give) away (his|her|my|their|all (his|her|my|their) )?(stuff|things|belongings|possessions)\b|"
    r"\bsaying goodbye to (people|everyone|everybody|friends|us)\b",
    r"\b(je m'arrete|m'arreter|i stop|i keep stopping|stopping) (sur|on) (le|un|the|a) (pont|bridge)\b",
    # an act announced after sadness was told ("je suis super triste" ... "je vais le faire ce week-end")
    r"\b(triste|deprim\w*|idees noires|moral|sad|depressed|down|vide|empty)\b.{0,300}"
    r"\b(je vais le faire|je le ferai|je compte le faire|i'?m going to do it|i will do it|gonna do it)\b",
    r"\bdisparai\w* pour (de bon|toujours)\b|\bvous serez (enfin )?tranquilles\b",
    r"\b(like|as if|comme si) (it was|it were|c'etait|c'etaient) (a |des |un )?(goodbye|adieux?|farewell)\b",
    r"\b(compte|comptait|veut|voulait|va|vais|allait|decide\w*|prevu) (de |d')?[«\"' ]*en finir\b",
    r"\bmieux sans (moi|lui|elle|eux)\b|\bbetter off (w/o|without|wo) (me|him|her|them)\b",
    r"\b(trouve|found|achete|bought|cache|hid)\w*\b.{0,30}\b(une corde|a rope|un noeud coulant|a noose)\b",
    r"\b(ne )?(serai[st]?|sera|seras) (surement |probablement |peut-etre |sans doute )?(plus|pas|plu) la (a|pour|en|dans|d'ici)\b|"
    r"\b(won'?t|will not) be (here|around) (for|at|by|in|much longer)\b",
    r"\b(take|prendre|avaler|swallow) (all|toutes?) (the|les|mes|my) (pills|gelules|cachets|comprimes|capsules)\b.{0,20}\b(at once|d'un coup|en meme temps|in one go)",
    r"\b(giving|gave|gives|give)\b.{0,10}\b(his|her|my|their|all (his|her|my))? ?(stuff|things|belongings|possessions)\b.{0,10}\baway\b|"
    r"\b(donne|distribue)\w* (toutes? )?(ses|mes|leurs) (affaires|objets)\b",
    r"\b(won'?t|will not|wont) matter (soon|anymore|much longer)\b|\bca n'aura (bientot )?plus d'importance\b",
    r"\b(coupures|entailles|scarifications|cuts)\b.{0,40}\b(sur|aux|on) (les |ses |mes |tes |his |her |my |the )?(bras|avant-bras|poignets|cuisses|arms|forearms|wrists|thighs)\b",
    r"\blocked (herself|himself|themselves) in\b.{0,60}\b(won'?t|doesn'?t|not) (answer|respond|open)",
    r"\bsi je (ne )?(me )?(reveillais|reveille|reveillait) (plus|pas)\b|\bplus simple si (je|j') ?(n'?etais|etais|existais|disparaissais)",
    r"\bi (will |'ll |am going to |'m going to |gonna )?end it\b|\btonight is the night\b",
    r"\bi('?m| am)? (just |really |probably |literally |prob )?(will |'ll |going to |gonna )(just )?end it\b",
    r"\b(i'?ll|i will|i'?m gonna|i'?m going to|i might|i may|i could) (just |simply |probably |prob |literally |honestly )?"
    r"end (it|it all|things|my life|everything)\b",
    r"\b(je vais|j'vais|jvais|je compte|je pourrais) (juste |simplement |peut-etre |surement |sans doute )?en finir\b",
    r"\b(achete|achetee|bought|got|pris|recupere)\b.{0,30}\b(medocs|medicaments|cachets|comprimes|pills|tablets|boites)\b.{0,60}"
    r"\b(pour (les )?tout prendre|tout prendre (ce soir|cette nuit|d'un coup)|to take (them )?all|take them all)\b",
    r"\b(adieu|goodbye|farewell)\b.{0,120}\b(repond\w* plus|ne repond\w* pas|not answering|isn'?t answering|won'?t answer|"
    r"doesn'?t answer|no answer|not picking up)\b|\b(prends soin de (toi|vous)|take care of yourself)\b.{0,40}\b(adieu|goodbye|farewell)\b",
    r"\b(j'en|il en|elle en|on en) (aurai|aura|aurait|aurais) (plus|pu|plu) besoin\b|\b(won'?t|wont|will not) need (it|them|those) (anymore|any more)\b",
    r"[«\"'‘](pour apres|for after)[»\"'’]|\b(gave|give|giving|donne|donnee?|offert)\b.{0,60}\b(for after|pour apres)\b",
    # spoken French drops the "ne": "personne remarquerait si je disparaissais"
    r"\b(nobody|no one|noone|personne)\b(.{0,20}\b(would|will|wouldn'?t|won'?t|ne)\b)?.{0,15}\b(notice|miss|care|remarquer\w*|manquer\w*|regretter\w*)\b.{0,40}"
    r"\b(disappear\w*|dissapear\w*|gone|died|disparai\w*|partai\w*|plus la)\b",
    r"\bmerci pour tout\b.{0,40}\bpardon\b|\bthank(s| you) for everything\b.{0,40}\b(sorry|forgive)\b",
    r"\b(ranger|range|regler|regle|mettre en ordre|mis en ordre|putting|put|sorting|sorted)\b.{0,40}"
    r"\b(mots de passe|passwords|compte en banque|bank account|testament|will|affairs)\b.{0,80}\b(comme si|as if|before i go|avant de partir)\b",
    r"\bcomme si (je|il|elle) (partai[st]|m'en allais|s'en allait)\b.{0,10}(pour (de bon|toujours))?",
    r"\b(me|se|te) vois? (plus|pas|plu) (du tout )?dans (\d+|un|une|deux|cinq|dix) (ans?|annees?|mois)\b|\b(can'?t|cannot|don'?t) see (myself|a future)\b",
    r"\b(achete|achetee|acheter|bought|buys?|buying|hid|hidden|hides|cache\w*)\b.{0,30}\b(lames|lames de rasoir|rasoirs?|blades|razor blades|razors?)\b",
    r"\b(kept|keep|keeps|keeping|has keep|hiding|hidden|hid)\b.{0,30}\b(all )?(his|her|my|their|les|ses|mes)\b.{0,20}\b(pills|capsules|tablets|gelules|cachets|comprimes|somniferes|sleeping pills)\b.{0,40}\b(box|boite|under|sous|drawer|tiroir|sac|bag)\b",
    r"\b(je suis|jsuis|chui|i'?m|i am|il est|elle est|he'?s|she'?s|he is|she is) (sur le|sur un|en haut du|on the|on a|on top of the) (pont|toit|viaduc|bridge|roof|cliff|falaise)\b",
    # no future counted on ("je compte plus être là dans 6 mois"), a last message, love sent through others
    r"\bj?(compte|pense|crois|prevois)\w* (pas|plus) (trop |vraiment |forcement )?(etre|rester) (encore )?(la|en vie)\b",
    r"\b(mon|my|this is my) (dernier|last) (message|msg)\b|\bdernier message de (toute facon|tte facon|tt facon)\b",
    r"\b(dites|dis|tell)\b.{0,20}\b(que je (l'|les |t')aime|i love (her|him|them|you))\b",
    # a body thrown from a window or under a train, a life blown up ("se foutrait en l'air")
    r"\b(me|se|te) (jette|jeter|jetterai[st]?|jetterait|jettera|balance\w*) (par|sous|du|d'un|de la|off) (la |le |un |une |the )?"
    r"(fenetre|train|metro|pont|balcon|voiture|toit|window|bridge)\b",
    r"\b(me|se|te) fou\w* en l'air\b",
    # pills put aside: the order of the words varies ("counting the pills I saved up", "mis de côté mes somnifères")
    r"\b(pills|gelules|cachets|comprimes|somniferes|capsules|boites|medocs|medicaments)\b.{0,20}\b(i|je|j'ai|she|he|il|elle)\b.{0,10}"
    r"\b(saved|saving|stockpil\w*|hoard\w*|mis de cote|accumul\w*)",
    r"\b(mis|mets|mettre|garde\w*|stock\w*|accumul\w*|put|set)\b.{0,30}\b(gelules|cachets|comprimes|somniferes|boites|medocs|"
    r"medicaments|pills|capsules)\b.{0,40}\b(de cote|en reserve|pour le jour|pour les prendre|aside)\b|"
    r"\b(de cote|en reserve|aside)\b.{0,20}\b(toutes? )?(mes|ses|my|his|her) (boites de )?(gelules|cachets|comprimes|somniferes|"
    r"medocs|medicaments|pills|capsules)\b",
    # hurting oneself to cope, said as a habit
    r"\b(scratch\w*|gratte\w*|griffe\w*|bang\w*|frapp\w*|hit\w*|cogn\w*|pince\w*|mord\w*|bit\w*)\b.{0,60}"
    r"\b(on purpose|expres|deliberately|to cope|pour (me calmer|tenir|oublier)|ca me (calme|soulage|fait du bien)|"
    r"it (kinda |kind of |sort of )?helps|makes me feel better)\b",
    r"\b(on purpose|expres|deliberately)\b.{0,40}\b(scratch\w*|gratte\w*|griffe\w*|bang\w*|frapp\w*|cogn\w*|jusqu'au sang)\b",
    r"\b(cutting|burning|cut|burn|carving)\b (my|her|his|their) (arms?|wrists?|thighs?|legs?|skin|forearms?|stomach|hands?)\b",
    r"\b(burn|burning|brule\w*)\b.{0,30}\b(lighter|briquet|cigarette|clope)\b",
    r"\b(looked up|searched|googled|cherche\w*|regarde\w*)\b.{0,30}\b(highest|tallest|plus haut|plus grand)\b.{0,20}"
    r"\b(bridge|pont|building|immeuble|tour|falaise|cliff)\b",
    r"\b(range|mis en ordre|trie)\w* (mes|tous mes|ses) papiers\b.{0,80}\b(lettres?|letters?)\b|"
    r"\b(ecrit|written|wrote)\b.{0,20}\b(une lettre|a letter|letters|des lettres)\b.{0,30}\b(a chacun|to each|for each)\b|"
    r"\b(ils|elles|they) (sauront|will know|'ll know) (quoi faire|what to do)\b",
    r"\bbang\w* (my|his|her) head\b",
)

# No medicine taken at all: a pregnancy then is no emergency here, unless a medicine the corpus calls dangerous in
# pregnancy is named (triage checks that against the corpus profile).
NO_MEDICINE = _rx(
    r"\b(never|not|jamais|pas|aucun)\b.{0,12}\b(taken|took|been on|used|on|taking|pris|prends|ete sous|sous|pris de)\b.{0,15}"
    r"\b(any (meds|medication|medicine|drugs)|aucun (medicament|traitement)|de medicaments?)\b",
    r"\b(je (ne )?prends|i take|i'?m taking|i am taking|je suis sous) (aucun|no|pas d'autres?|pas de|any other|rien)\b|"
    r"\b(pas de|aucun|no|without) (autre )?(traitement|medicament|medication|meds|treatment)\b",
)
# A medicine said not to be taken ("je ne prends pas de X", "never taken X"): the words before a named medicine.
DENIED_BEFORE = (
    r"(\b(pas|sans|no|without|never any) (d'|de l'|de |du |of |any )?$)|"
    r"(\b(never|not|jamais|pas|aucun)\b.{0,12}\b(taken|took|been on|used|on|taking|pris|prends|ete sous|sous|pris de)\b"
    r".{0,15}$)"
)

# Period pains, told as such, are no red flag of a treatment.
MENSTRUAL = _rx(
    r"\bregles (plus |tres |trop )?douloureuses\b|\bdouleurs de regles\b|\bperiod (pains?|cramps)\b|\bmenstrua\w*"
)

# A spot of acne, with no injection: pus there is no infection after injections.
ACNE_SPOT = _rx(
    r"^(?![\s\S]*\b(inject\w*|piq\w*|seances?|sessions?|shots?|needles?|aiguilles?)\b)[\s\S]*"
    r"\b(bouton|boutons|spot|pimple|zit|point noir|kyste)\b"
)

# "I'm not pregnant, just asking": the nearest examples may still see a pregnancy in it.
# "I'll just stop taking it if it doesn't work": the treatment is what would end, not a life. Only a named
# treatment, or "it" after stop/quit, counts: "I'll just end it" stays for the layers to judge.
QUITTING_TREATMENT = _rx(
    r"\b(stop|stopping|quit|quitting|drop|dropping|arreter|arrete|j'arrete|lacher|laisser tomber|abandonner)\b "
    r"(taking |using |de prendre |de le prendre )?(it|them|le|la|les|the|my|mon|ma|mes|ce|cette)\b.{0,40}"
    r"\b(if|si|since|because|car|puisque|parce que?)\b.{0,40}\b(doesn'?t|does not|don'?t|isn'?t|not|marche pas|"
    r"fonctionne pas|no effect|aucun effet)\b",
    r"\b(end|ending|finish|finir|terminer)\b (the|my|le|mon|ce) (treatment|traitement|course|cure|meds?|medication)\b",
    r"\b(if|si)\b.{0,60}\b(doesn'?t|does not|isn'?t|marche pas|fonctionne pas)\b.{0,40}\b(stop|quit|drop|arret\w*|lach\w*)\b "
    r"(taking |de prendre )?(it|them|le|la|les|the|my|mon|ma|mes|ce|cette)\b",
)
# "this is literally killing me lol" of acne that got worse: a figure of speech, unless the words of distress are there
# (the rules see those first)
FIGURE_OF_SPEECH = _rx(
    r"\b(this|it|that|acne|ca|cette acne|ce traitement|this treatment|this med)( is| 's|'s)? (literally |actually |honestly |vraiment |grave )?"
    r"(killing me|me tue)\b"
)
NOT_PREGNANT = _rx(r"\b(i'?m not|i am not|not|je ne suis pas|je suis pas|jsuis pas|pas) (pregnant|enceinte)\b")

URGENT = {
    "suicide": _rx(
        r"\b(me|se|te) tuer\b",
        r"\bm'?en finir\b",
        r"\ben finir avec (la vie|tout)",
        r"envie? de mourir",
        r"envie? d'en finir",
        r"veux mourir",
        # any tense or person of "vouloir" before dying: "elle m'a dit qu'elle voulait mourir"
        r"\b(veu[xt]?|veulent|voulai[st]?|voulaient|voudrai[st]?|voudraient|voulu)\b( (plus|plu|vraiment|juste))? "
        r"(mourir|en finir|me tuer|se tuer|disparaitre)",
        r"\b(plus|pas|aucun\w*|sans) (d'interet|l'interet|de raison|raisons?|de sens|le sens|de but|envie) (a|de) (vivre|continuer)",
        r"\bla vie n'a (plus|pas) (de|aucun) sens",
        r"\b(marre|fatigue\w*|epuise\w*) de (la vie|vivre)\b",
        r"\b(ne|n') ?(plus|jamais|pas) (me|se|te) reveiller",
        r"\b(me|se|te|m'|s') ?(coup\w*|taillad\w*|scarifi\w*|mutil\w*|entaill\w*) (les|le|la|ses|mes|tes|son|sa) "
        r"(bras|poignets?|cuisses?|jambes?|ventre|avant-bras)",
        r"\b(no|any) (point|reason) (in |to )?(living|live|going on|carry on)",
        r"\bwish (i|she|he) (was|were) (dead|never born|gone)",
        r"\b(take|taking|end|ending) (my|his|her) (own )?life",
        r"\b(tired of|done with) (living|life)\b",
        r"\b(don'?t|do not|never) want to wake up",
        r"\bwants? to die\b",
        r"(veu[xt]?|veu|ve) (plus|plu|pas) vivre",
        r"(plus|plu|pas) envie de vivre",
        r"me faire du mal",
        r"scarifi",
        r"automutil",
        r"idees? noires?",
        r"lettre d'adieu",
        r"(se|me|te) suicider",
        # ways of dying and of self-harm, first or third person: "se pendre", "me jeter sous un train"
        r"\b(me|se|te) (pendre|pend|jeter (sous|du|d'un|par)|defenestrer|tirer une balle|noyer|ouvrir les veines|foutre en l'air)",
        r"\bouvrir les veines\b|\bslit (my|her|his|their) wrists\b",
        r"\b(mettre|mettrai|met) fin a (mes|ses|tes) jours",
        r"\b(pens\w*|pensee\w*|idee\w*) (a|de|sur) la mort\b",
        r"\bpens\w* (souvent |tout le temps |beaucoup |parfois |sans arret |de plus en plus )?a (mourir|la mort|en finir)",
        r"\b(serai[st]? )?mieux sans moi\b",
        r"\b(vois|voit) (plus|pas) (comment|pourquoi) (continuer|vivre|tenir)",
        r"\b(plus|pas) (la force|le courage|l'energie) de (continuer|vivre|tenir)",
        r"\b(que|veux que|voudrais que) tout (s'arrete|cesse|se termine)",
        r"\b(messages?|textos?|sms|lettres?|mots?) d'adieu",
        r"\b(goodbye|farewell) (texts?|messages?|letters?|notes?)",
        r"\b(my|ma|sa|his|her) (last|derniere) (night|nuit|day|jour)\b",
        r"\b(decided|decide|decidee?) (to die|to end|d'en finir|de mourir|de partir)",
        r"\bwant (it all|everything) to (stop|end)\b",
        r"\bunalive",
        r"\b(se|me|te) (fai\w*|fera\w*) des (petites |grosses |vraies )?(coupures|entailles|scarifications|brulures)\b",
        r"\bcoupures (sur|aux) (les|ses|mes|tes) (bras|avant-bras|poignets|cuisses|jambes)",
        r"\b(s'|m'|t')(etait|est|etais|suis|es) (taillad\w*|coupe\w*|scarifi\w*|mutile\w*|brule\w* volontairement)",
        r"\b(checking|check|checked) out (for good|permanently|early)\b",
        r"\bbetter off without (me|him|her|them)\b",
        r"\bhow many (capsules|pills|tablets) (it would take|would it take|to die|would kill|it takes to)",
        r"\bcombien (de gelules|de comprimes|de cachets|il en faudrait) (il faudrait|pour mourir|pour en finir)",
        r"\bhow many (of )?(these |those |the |my |her |his )?(pills|tablets|capsules|meds)\b.{0,15}\b(it would take|would it take|it'?d take|does it take|"
        r"it takes|to (die|kill|overdose|od|not wake up))\b",
        r"\b(looking up|looked up|googl\w*|search\w* for|cherch\w*|regard\w*)\b.{0,20}\b(combien (de|d')|how many)\b.{0,30}"
        r"\b(pills|tablets|capsules|gelules|comprimes|cachets)\b.{0,30}\b(faudrait|would take|it would|pour (mourir|en finir))",
        r"\b(tout )?prevu (pour|de) (se|me|te) (tuer|suicider|pendre)",
        r"\bpens\w* (\w+ ){0,3}a (mourir|la mort|en finir|disparaitre|me tuer)\b",
        r"\bm'endormir pour (toujours|de bon)|\bdormir pour toujours\b|\bsleep forever\b|\bnot wake up\b",
        r"\b(vais|va|veux|envie de|peur de) faire une (grosse |vraie )?betise\b",
        r"\benvie? de (disparaitre|partir pour toujours)",
        r"\bgave away (his|her|my|all|their)\b",
        r"\bsorry for everything\b|\b(pardon|desolee?) pour tout\b",
        r"\bideations? suicidaires?|\bscenario (suicidaire|elabore)|\bcrise suicidaire|\bpassage a l'acte",
        r"\b(thinking|think|thought) (about|of) (just )?(ending it|ending my life|killing myself|suicide|dying)\b",
        r"\b(been|started|keep|kept|am) cutting( again)?\b",
        r"\b(thinking|think|thought) (about|of) swallowing\b|\bswallow\w* the (whole|entire) (box|pack|bottle)",
        r"\bavaler d'un coup\b|\b(les|tout) avaler (ce soir|cette nuit)|\bcomme ca c'est fini\b",
        r"\b(stop being|etre) (a burden|un poids|un fardeau)\b",
        r"\b(sortir de la|partir|en finir|disparaitre|m'en aller) pour de bon\b",
        r"\b(saved|stockpiled|hoarded|gathered|collected|mis de cote|garde(?!r)|stocke(?!r)|accumule(?!r))\w*\b.{0,40}"
        r"\b(capsules|pills|gelules|cachets|comprimes|medicaments|tablets)",
        r"\b(just|this is|it'?s) goodbye\b|\bsay(ing)? goodbye (to everyone|forever)",
        r"\b(compte|vais|veux) tout (prendre|avaler) (ce soir|cette nuit|d'un coup)",
        r"\b(taking|take|swallow) them (all )?tonight\b",
        r"\b(hoping|hope|wish)\b.{0,15}\b(don'?t|do not|never|won'?t) wake up",
        r"\bhow i'?d do it\b",
        r"\b(wants?|wanted) to disappear\b",
        r"\bcuts on (his|her|my|their) (arms|wrists|legs|thighs)",
        r"(si je n'?etais plus la|si j'?etais plus la|plus etre la|disparaitre pour (toujours|de bon))",
        r"\bpour en finir\b",
        *SUICIDE_SIGNS,
        r"\b(me|se|te) (fai[rst]e?|fera|fais) du mal\b",
        r"\b(me|se|te|m'|s') ?(brule\w*|coupe\w*|taillad\w*|mutil\w*|griff\w*|frappe\w*)\b.{0,50}(volontairement|expres|lame|rasoir|cutter|cigarettes?|briquet|sang)",
        r"(volontairement|expres) .{0,20}\b(me|se|m'|s') ?(brule|coupe|taillade|frappe|griffe)",
        r"\b(hang|hanging|kill|killing|hurt|hurting|harm|harming|cut|cutting|burn|burning) (my|him|her|them)sel(f|ves)",
        r"\b(jump|jumping) (off|from|in front)",
        r"\bplan to (kill|end|die)",
        r"better off (without me|dead|if i (was|were) gone)",
        r"\b(think|thinking|thoughts?) (about|of) (death|dying)\b",
        r"(pense|pensais|pensee|envie) (a|d'|de) (me )?(avaler|prendre) (toute?s? )?(mes|les|la) (boites?|gelules|comprimes|cachets|medicaments|plaquettes?)",
        r"kill(ing)? (my|him|her)sel(f|ves)",
        r"suicidal (thoughts?|ideas?|feelings?)",
        r"end (it all|my life)",
        r"want(ed)? to die",
        r"self[- ]?harm",
        r"hurt(ing)? myself",
        r"cut(ting)? myself",
        r"(don'?t|do not) want to (live|be alive)",
        r"overdose on purpose",
        ME + r".{0,40}suicid",
        r"suicid.{0,40}" + ME,
    ),
    "pregnancy": _rx(
        r"\b(je suis|jsuis|chui|suis|je serais|je pense etre|je crois etre|peut[- ]etre|possible que je sois|tombee|ma copine est|ma femme est) enceinte",
        r"\b(peur|crainte|inquiete?) (d'etre|d'etre tombee|que je sois) enceinte",
        r"\b(je|j') ?(crois|pense|sens|me demande si) (que )?(je suis|etre|j'?suis) enceinte",
        r"\b(copine|femme|compagne|partenaire|conjointe|fille|soeur) (est|serait|vient d'apprendre qu'elle est) enceinte",
        r"\b(dit|dire|annonce\w*|appris|apprend|avoue\w*|told me|said) (que |qu')?(qu'?elle|elle|she'?s|she is) (est|etait|serait|was)? ?(enceinte|pregnant)\b",
        r"\benceinte de \d+ (semaines?|sem|mois|sa)\b",
        r"(preservatif|capote) (a )?(craque|perce|dechire)|oubli\w* (de )?(ma |la |sa |de prendre (ma|sa) )?pilule",
        r"\brapports? (sexuels? )?sans (capote|preservatif|protection)",
        r"\b(fait|l'a fait|l'avons fait|couche\w*|craque\w*|fait l'amour|had sex|slept together) (sans|without) (capote|preservatif|protection|a condom|condom)",
        r"\b(zappe|saute|loupe|rate|skipped|missed|forgot)\w* (ma|la|sa|my|her) (pilule|pill)",
        r"\b(deux|2) (barres|traits|lignes)\b|\btwo (lines|pink lines)\b",
        r"\brapports? (sexuels? )?(non|pas|sans) protege|\bunprotected (sex|intercourse)",
        r"\b(she'?s|she is|girlfriend is|wife is|partner is) pregnant",
        r"\bi (think|thought|guess|fear) (i'?m|i am|i might be|i may be) pregnant",
        r"\b(scared|afraid|worried) (i'?m|i am|i might be|of being) pregnant",
        r"\bcondom (broke|split|tore|came off|slipped( off)?|fell off)",
        r"\b(capote|preservatif) (a |s'est )?(glisse|enleve|retire|parti|barre|lache)",
        r"test de grossesse.{0,40}positif",
        r"\b(did|took|done|made|fait|refait) (a |un |the |le |another |un autre )?test\b"
        r"(?!\s*(covid|antigen\w*|pcr|sanguin|blood|d'allergie|allergy|de depistage))\b.{0,30}\b(positive|positif)\b",
        r"\bpositif.{0,20}test de grossesse",
        r"\b(j'attends|on attend|elle attend) un (bebe|enfant)",
        r"\bun bebe (arrive|est en route)|\bbaby (is )?on the way\b",
        r"\b(eating|eats|eat) for two\b|\bmange\w* pour deux\b|\bbun in the oven\b|polichinelle dans le tiroir|\U0001f930",
        r"\bretard (de|dans) (mes |les |ses )?regles",
        r"\b(mes|ses) regles (ne sont|sont) (pas|toujours pas) (venues|arrivees)",
        r"\bpregnancy test.{0,40}positive",
        r"\b(i'?m|i am|she'?s|she is) expecting\b",
        r"\blate period\b",
        r"\b(my|her) (period|periods) (hasn'?t|has not|haven'?t|have not|didn'?t|did not|still hasn'?t|never) (come|came|arrived|started|shown up|showed up)\b",
        r"\b(feel|feeling|felt|been) (sick|nauseous|queasy) (every|each|in the) morning",
        r"\b(mes|ses) regles (n'arrivent|arrivent|ne viennent|viennent) (toujours )?pas\b|\b(toujours )?pas (eu |de )?(mes|ses) regles\b",
        r"\bretard de regles",
        r"(pas|plus) eu mes regles",
        r"regles en retard",
        r"\bregles (auraient du|devaient|aurait du) (arriver|venir)",
        r"\b(period|periods) (should have|was supposed to|were supposed to) (come|start|arrive)",
        r"(?<!if )\bi'?m pregnant",
        r"(?<!if )\b(i'?m|i am|she'?s|she is) (?:(?!not\b|never\b|if\b)\w+ ){1,3}pregnant\b",
        r"\b(fait|faire|refait) un test\b.{0,40}\bpositif",
        r"(^|[.!?]\s*)enceinte\s*[.!]",
        r"\btook a (pregnancy )?test\b.{0,40}\bpositive",
        r"(?<!if )i am pregnant",
        r"\bgot pregnant",
        r"might be pregnant",
        r"positive pregnancy test",
        r"\bwho'?s pregnant\b",
        r"missed (my )?period",
        r"period (is|was|has been) (\w+ ){0,3}late",
        r"found out i'?m pregnant",
        r"(?<!covid )(?<!pcr )(?<!antigenique )\btests? (est |etait |de ce matin |du matin )?positifs?\b(?!.{0,20}covid)",
        r"\b(on a|on n'a|j'ai|je n'ai|nous n'avons|we) (pas|not|didn'?t|did not) (fait attention|fait gaffe|been careful|use (a )?(condom|protection))\b|"
        r"\bwe weren'?t careful\b",
        r"\b(pas mis|sans mettre|didn'?t use|did not use|no) (de |la |a )?(capote|preservatif|condom)\b",
        r"\b(plus de|pas de|sans|no|without|stopped) (ma |my |the )?(contraception|pilule|birth control|protection)\b.{0,15}\b(depuis|for|since)\b",
        r"\b(nausees?|nausee|vomi\w*) (le|du|au) matin\b|\bmorning sickness\b|\bseins? qui (tirent|gonflent)\b|\b(sore|tender) breasts\b",
        r"\b(\d+|a few|few|several|two|three|four|five|ten) (days?|weeks?) late\b|\blate (on|with|for) (my|her) periods?\b",
        r"\b(\d+|quelques|plusieurs|deux|trois|quatre|cinq|dix) (jours?|semaines?) de retard\b",
        r"\b(grossesse|enceinte)\b.{0,80}\b(c'est|ce serait|ca pourrait etre|c'est peut-etre) (mon|son|notre) cas\b",
    ),
    # (read with the corpus's injected products and practices named "injection": bot.safety.triage._rules)
    "infection": _rx(
        # a sign of infection asked about, then said to be lived ("... de la fièvre ? c'est ce qui m'arrive")
        r"\b(fievre|frissons|abces|pus|fever|chills|abscess)\b.{0,80}\b(c'?est ce qui m'arrive|ca m'arrive|j'en ai|"
        r"that'?s what'?s happening( to me)?|it'?s happening to me|i have (it|that) (now|right now))\b",
        # lumps that open or drain after injections; an infection getting worse under antibiotics
        r"\b(inject\w*|piqu\w*|seances?|sessions?|shots?)\b.{0,200}\b(lumps?|nodules?|boules?|bosses?|nodosites?|bumps?)\b.{0,60}\b(open(ing)? up|keep opening|drain\w*|ooz\w*|s'ouvr\w*|suint\w*|coul\w*|pus)\b",
        r"\b(inject\w*|piqu\w*|seances?|sessions?|shots?)\b.{0,200}\b(antibiotics?|antibiotiques?)\b.{0,80}\b(getting worse|worse|pire|empire\w*|s'aggrave\w*|not working|doesn'?t work|marche pas|ne fait rien|no effect)\b",
        r"\b(peau|zone|piqures?|injections?|points?).{0,50}((?<!points )(?<!point )\bnoir\w*|\bviolet\w*|necros\w*)",
        r"((?<!points )(?<!point )\bnoir\w*|\bviolet\w*|necros\w*).{0,40}(piqure|injection|seance)",
        r"(frissons|fievre|fievreu\w*|feverish|chills|shaky).{0,80}(piqure|injection|seance|session)",
        r"(piqure|injection|seance|session|piquer|pique).{0,150}(frissons|fievre|fievreu\w*|feverish|fever|chills|shaky|shivery|grelott\w*|claque\w* des dents|teeth (are )?chatter\w*)",
        r"\b(trainees?|stries?|lignes?|traits?) rouges?\b.{0,60}\b(partent|part|monte\w*|descend\w*|remonte\w*|s'etend\w*|piqure|injection)|\bred (streaks?|lines?)\b",
        r"\b(rouge\w*|redness|red)\b.{0,60}\b(s'etend\w*|s'etale\w*|spread\w*|getting bigger|progresse\w*)",
        r"\b(leak\w*|ooz\w*|coul\w*|suint\w*)\b.{0,20}\b(yellow\w*|jaun\w*|pus|green\w*|verte?|verdatre)\b",
        r"(seance|injection|piqure)\w*.{0,120}\b(bosse|boule|lump|nodule)s?\b.{0,60}\b(chaude?|brulante?|warm|hot|lance|throb\w*)\b",
        r"(lumps?|boules?|nodules?|bosses?)\b.{0,40}\b(leak\w*|coul\w*|suint\w*|ooz\w*)",
        r"(seance|injection|piqure)\w*.{0,80}\b(boule|bosse|lump|nodule)s?\b.{0,40}"
        r"(grossi\w*|grandi\w*|fait (super |tres |trop )?mal|douloureu\w*|growing|getting bigger|painful)",
        r"(spots|sites|marks|points)\b.{0,40}\b(yellow|crusty|crusted|jaunes?|croutes?)\b.{0,60}(shiver\w*|hot|fever|fievre|frissons)",
        r"(piqure|injection|seance).{0,120}\b(3[89]|40)([.,]\d)? ?(°|degres|c\b)",
        r"(piqure|injection|seance)\w*.{0,150}\bj'ai (de la fievre a |de la temperature a )?(3[89]|40)([.,]\d)?\b",
        r"(skin|spots?|sites?|marks?).{0,40}(turn\w* black|\bblack\b(?!heads?)|\bpurple\b|necro)",
        r"\b(turned|turning|gone|went) (dark|black)\b|\b(skin|tissue)\b.{0,30}\b(dying|dead)\b",
        r"\b(coulent|suinte\w*|draining|oozing|leaking pus)\b",
        r"\b(plein|pleins|pleine|pleines|full) (de|of) pus\b",
        r"\b(ca )?coule (jaune|du pus|vert)",
        r"\bpus (is )?(coming|qui sort|sort|coule|oozing|leaking|draining)",
        r"\b(shivering|frissons?|grelott\w*).{0,40}(fever|fievre|temperature)",
        # fever alone is no emergency here (an angina is not); with an abscess or after injections it is
        ME + r".{0,60}(abces|\bpus\b|\bca coule\b|rouge et chaud|gonfle et chaud|chaud et gonfle)",
        r"(abces|\bpus\b|fievre).{0,60}(depuis|apres) (ma|mes|la) (seance|injection|piqure)",
        ME + r".{0,60}(abscess|\bpus\b|fever|infected|oozing|red and hot)",
    ),
    "allergy": _rx(
        r"(gonfle|gonflement|oedeme|enfle).{0,40}(visage|gorge|levres|langue|paupieres|yeux)",
        r"(visage|gorge|levres|langue|paupieres|yeux).{0,40}(gonfle|gonflement|enfle)",
        r"\b(plaques|boutons|rougeurs|hives|rash|urticaire|welts)\b(?! de (?!boutons|rougeurs)\w{4,})(?! blanches)(?! white).{0,30}\b(sur tout le corps|partout|all over)\b",
        r"(du mal|difficult\w*|peine|n'?arrive (pas|plus)|arrive plus|(peux|peu|pe) (plus|plu|pas)) a respirer",
        r"(peux|peu|pe) (plus|plu|pas) respirer",
        r"respire (mal|plus|plu)",
        r"choc anaphylactique",
        r"\bgorge (qui )?(se )?serre|\burticaire\b.{0,60}(gorge|respir|levres|visage)|\bhives\b.{0,60}(throat|breath|lips|face)",
        r"anaphyla",
        r"(swollen|swelling|swell).{0,40}(face|throat|lips|tongue|eyelids)",
        r"(face|throat|lips|tongue).{0,40}(swollen|swelling|swell)",
        r"(can'?t|cannot|hard to|trouble|difficulty|struggling to) breath",
        r"\bthroat (is )?(closing|tightening|tight)",
        r"\bwheez",
    ),
    "poisoning": _rx(
        # a number of pills taken, then the signs of an overdose (drowsy, breathing badly, pupils tiny, unrousable)
        r"\b(took|taken|swallowed|pris|avale)\b.{0,20}\b([4-9]|\d{2,}|quatre|cinq|six|sept|huit|dix|four|five|"
        r"seven|eight|ten)\b.{0,25}\b(pills|tablets|capsules|caps|comprimes|gelules|cachets|cp)\b.{0,140}"
        r"\b(sleepy|drowsy|breath\w*|pupils|unresponsive|won'?t wake|can'?t wake|passed out|somnolent\w*|endormi\w*|"
        r"respir\w*|pupilles|inconscient\w*|ne se reveille|reveiller|confus\w*)",
        r"(a|ai|as|avons|ont) avale (plusieurs|toute?s?|des|une|deux|trois|\d+|la|les|mes|ma|une|plein|beaucoup|un tas) ",
        r"\b(pris|avale|vide) (toute? (la|sa|ma) (boite|plaquette)|plein de (comprimes|gelules|cachets|medicaments))",
        r"\b(swallowed|took) (a lot|lots|loads|a bunch|a handful) of",
        r"\b(surdose|overdose|intoxication|empoisonn)",
        # a count of tablets taken, four or more: over every eval set, each such report is an emergency
        r"\b(j'ai|j'|g|jai|i|i'?ve|il a|elle a|he|she|he'?s|she'?s|on a)\s?(deja |just |accidentally |like |about )?"
        r"(pris|took|taken|avale|swallowed)\b.{0,15}\b([4-9]|\d\d|quatre|cinq|six|sept|huit|dix|four|five|seven|eight|"
        r"ten)\b.{0,15}\b(comprimes|gelules|cachets|pills|tablets|capsules|cp)\b",
        r"swallowed (some|several|all|my|the|a|\d+)",
        r"took (too many|all (of )?my|a whole (box|pack))",
        r"\btook (like |about |around |maybe )?(a whole|an entire) (week|box|pack|bottle|blister|month)\b",
        r"\b(took|taken|pris|avale)\b.{0,40}\b(\d+|sept|seven|huit|eight|dix|ten) (caps|capsules|gelules|pills|cachets|comprimes)\b.{0,40}"
        r"\b(sick|malade|vomi\w*|headache|mal de tete|mal a la tete|nause\w*)",
        r"\b(took|taken|swallowed|pris|avale) (all|toutes?) (of )?(her|his|my|their|ses|mes|les)? ?(pills|capsules|tablets|gelules|comprimes|cachets)\b",
        r"\b(took|taken|pris|avale) (it|them|la|le|les)? ?(\d+|two|three|four|deux|trois|quatre) (times|fois) (today|aujourd'hui|in a row|de suite|ce matin|this morning)",
        r"(pris|prendre) (toute la boite|trop de (gelules|comprimes|cachets))",
        r"\b(vient|viens|venons|viennent) d'avaler\b",
        # a dosing error, ten times the dose given to a child or followed by drowsiness ("5 ml au lieu de 0,5 ml")
        r"\b\d+([.,]\d+)? ?(ml|mg|comprimes?|gelules?|cuilleres?|pipettes?|doses?|tablets?|pills?)\b.{0,50}"
        r"\b(au lieu de|au lieu d'|instead of)\b.{0,120}\b(dort beaucoup|somnolent\w*|endormi\w*|ne se reveille|"
        r"reveiller|drowsy|sleepy|won'?t wake|vomi\w*|confus\w*|respire mal)",
        r"\b(toddler|child|kid|baby|bebe|enfant|fils|fille|\d+ (mois|ans)|\d+[- ]?(year|month)s?[- ]old)\b.{0,60}"
        r"\b\d+([.,]\d+)? ?(ml|mg|comprimes?|gelules?|cuilleres?|pipettes?|doses?)\b.{0,15}\b(au lieu de|au lieu d'|instead of)\b",
        r"\b\d+([.,]\d+)? ?(ml|mg|comprimes?|gelules?|cuilleres?|pipettes?|doses?)\b.{0,50}\b(au lieu de|au lieu d'|instead of)\b"
        r".{0,60}\b(toddler|child|kid|baby|bebe|enfant|fils|fille|\d+ (mois|ans)|\d+[- ]?(year|month)s?[- ]old)\b",
        r"\b(toddler|child|kid|baby|bebe|enfant|fils|fille|petit|petite|\d+[- ]?(year|yr)s?[- ]old|\d+ ans)\b.{0,60}\b(ate|swallowed|eaten|mange|avale|croque|chewed)\b",
        # a child who drank a medicine or product (not a glass of wine at sixteen)
        r"\b(toddler|child|kid|baby|bebe|enfant|fils|fille|\d+[- ]?(year|yr)s?[- ]old|\d+ ans)\b.{0,60}\b(drank|drunk|a bu|ont bu)\b"
        r".{0,40}\b(medicament|medicine|flacon|bottle|bouteille|huiles?|oils?|sirop|syrup|produit|product|goulot|gorgee|sip|"
        r"e-?liquides?|liquides?|liquid)\b",
        r"\b(a|ont|as) mange\b.{0,30}\b(pommade|creme|gelules?|comprimes|cachets|capsules)",
        r"\b(gelules|comprimes|cachets|capsules|pills) (en moins|manquantes?|missing)\b.{0,80}\b(avale\w*|mange\w*|swallow\w*|ate)\b",
        r"\b(toddler|child|kid|baby|bebe|enfant|fils|fille|son|daughter|\d+[- ]?(year|yr)s?[- ]old|\d+ ans)\b.{0,200}"
        r"\b(capsules?|gelules?|pills|comprimes|cachets|tablets)\b (are |sont )?(missing|manquantes?|en moins|gone)\b",
        r"\b(il|elle|he|she) (en )?(a|has) (surement|peut-etre|probablement|sans doute|probably|maybe|must have) "
        r"(avale|mange|swallowed|eaten|ate)\b",
        r"\bil (en )?manque (\d+|\d+ ou \d+|des|quelques|plusieurs|deux|trois|quatre|cinq)\b.{0,20}\b(gelules|comprimes|cachets|capsules)\b",
        r"\b(petit|petite|bebe|enfant|fils|fille|toddler|kid|child|\d+ ans|\d+[- ]?(year|yr)s?[- ]old)\b.{0,80}\b(ouvert|opened|got into)\b.{0,40}"
        r"\b(plaquette|boite|tube|gelules|capsules|pills|blister|pack|flacon|bottle)\b",
        r"\b(pris|avale|took|taken|swallowed)\b.{0,30}\b(beaucoup trop|bien trop|way too (much|many)|far too (much|many))\b",
        r"\b\d+ (gelules|comprimes|cachets|capsules|pills|tablets)\b.{0,30}\b(au lieu d'une?|instead of (one|1|my))\b",
        r"\b(ate|eaten|swallowed|licked) (some |the |her |his |my )?(ointment|cream|capsules|pills)",
        r"\bswallowed (her|his|their|a|the|my) (whole|entire)",
        r"\bpris (genre |environ |au moins )?\d+ (gelules|comprimes|cachets)\b.{0,30}\b(d'un coup|en meme temps|a la fois)",
        r"\btook (like |about |around |maybe )?(\d+|ten|eight|six|five) .{0,30}(capsules|caps|pills|tablets) (at once|in one go|together)",
        r"\bpris (genre |environ |au moins )?\d+ .{0,20}(gelules|comprimes|cachets) (d'un coup|en meme temps)",
        r"\bavale (toute? )?(une|la|sa|ma|sa) (plaquette|boite)",
        r"\b(pris|took|taken|taking) (a |une |le |the )?(double|triple)( de la)? (dose|dosage)",
        r"\b(double|triple) (dose|dosage)\b.{0,80}\b(mal|malade|vertig\w*|confus\w*|dizzy|confused|sick|vomit\w*)",
    ),
    # signs of a stroke or a heart attack: 15 at once, whatever the medicine
    "stroke": _rx(
        r"\b(avc|accident vasculaire|crise cardiaque|infarctus|stroke|heart attack)\b",
        # a sudden, violent headache unlike any before (the thunderclap headache of a brain haemorrhage)
        r"\b(mal de tete|mal a la tete|maux de tete|headache|cephalee)\b.{0,30}\b(d'un coup|soudain\w*|"
        r"comme jamais|jamais eu|sudden\w*|worst (headache )?(of my life|ever)|thunderclap)\b",
        r"\b(bras|jambe|visage|main|cote|moitie du corps)\b.{0,25}\b(engourdi\w*|paralys\w*|ne repond plus|tout mou|sans force)\b",
        r"\b(engourdi\w*|paralys\w*)\b.{0,25}\b(bras|jambe|visage|main|cote|moitie du corps)\b",
        r"\b(numb\w*|paraly\w*|weak\w*|tingl\w*)\b.{0,30}\b(arm|leg|face|hand|one side|side of (my|his|her) (body|face))\b",
        r"\b(arm|leg|face|one side)\b.{0,25}\b(numb\w*|paraly\w*|went dead|droop\w*)\b",
        r"\b(n'arrive|arrive|arrivait|peux|peut|pouvait) (plus|pas|plu) a (parler|articuler|bouger le bras)\b",
        r"\b(troubles? de la parole|parle de travers|bouche de travers|bouche (tordue|deformee)|visage (deforme|paralyse))\b",
        r"\b(slurred|slurring|trouble (speaking|talking)|can'?t (speak|talk) (properly|clearly|right)|words (came|come) out wrong)\b",
        r"\b(face|mouth) (is |was )?(droop\w*|crooked|lopsided)\b",
    ),
    # fainting, or a heart that races or stumbles: its own emergency (15), not an allergy unless the allergy's signs
    # are there too (checked first), nor an overdose or a heart attack that explains it
    "faint": _rx(
        r"\b(fais|fait|faire|fait|refais) (un|une|des) (malaises?|syncopes?)",
        r"\b(je me sens|elle se sent|il se sent) partir\b",
        r"\bevanoui",
        r"\bperdu connaissance|\bperte de connaissance",
        # someone who no longer responds, to anything ("elle ne répond plus", not "... au téléphone", "... au traitement")
        r"\b(il|elle|he|she)( ne)? (repond|reagit) (plus|pas)\b(?! (au|a|aux|a mes|a ses|a nos)\b)|\binconscient\w*|\bunresponsive\b",
        r"\b(coeur|palpitations?).{0,30}(bat (tres |trop )?(vite|fort)|s'emballe|cogne)",
        r"\b(coeur|heart).{0,30}\b(irregul\w*|bat (de travers|n'importe comment)|skipping|skips)\b",
        r"\birregular heart ?beat|\bheart ?beat\b.{0,20}\birregular",
        r"\b(heart).{0,20}(racing|pounding)",
        r"\b(faint|fainted|fainting|passed out|about to pass out|collapse|collapsed)\b",
    ),
    "red_flag": _rx(
        r"\b(je |j)?saign\w* (des|du|de la) (gencives?|nez)\b|\bbleeding (gums|from (my|the) (gums|nose))\b",
        r"sang dans (les|mes) selles",
        r"(vomi|crache|vomis|vomir) du sang",
        r"selles noires",
        r"blood in (my )?(stool|poo)",
        r"(vomit|vomiting|throwing up|cough\w*) (up )?blood",
        r"(yeux|peau) (tout )?jaunes?",
        r"jaunisse",
        r"\b(eyes|skin)\b.{0,20}\b(are|is|turning|turned|went|gone|going|look|looks|looking) (all |a bit |kind of |really )?yellow",
        r"\bwhites of (my|his|her) eyes",
        r"\b(pee|urine) is dark|dark like cola",
        r"\blevres (un peu |toutes? )?bleues|\blips (are |turned |went )?(a bit )?blue",
        r"\b(trembl|secou)\w* de tout (le|son) corps|\bcrise (d'epilepsie|convulsive)",
        r"\bdark (brown )?(urine|pee)|urine is (very )?dark|urines? (tres )?foncees",
        r"jaundice",
        r"(tres|trop|super|horriblement) mal au ventre",
        r"douleurs? (intenses?|insupportables?|atroces?)",
        r"severe (stomach|abdominal|belly) pain",
        r"(je )?(ne )?vois (plus|plu) (rien|net|clair|bien|d'un oeil|de l'oeil|de mon oeil)",
        r"\bcan'?t see (anything )?(out of|with|from) (my )?(left |right )?eye",
        r"\b(suddenly|all of a sudden) (can'?t|cannot|couldn'?t) see\b|\bcan'?t see\b.{0,15}\b(left|right|one) eye\b",
        r"\b(douleur|serre|oppression)\w*.{0,30}poitrine",
        r"\bpoitrine.{0,60}bras gauche",
        r"(je )?(ne )?vois (flou|trouble)",
        r"\b(vue|vision).{0,20}(brouill\w*|troubl\w*|flou\w*|baiss\w*) .{0,20}(d'un coup|brutalement|soudain)",
        r"\b(vue|vision).{0,30}(d'un coup|brutalement|soudain\w*)",
        r"douleur (intense|atroce|violente|terrible) (a|dans) l'(oeil|yeux)",
        r"perdu (la vue|connaissance)",
        r"(lost|losing|blurred|sudden(ly)?) (my )?(sight|vision)",
        r"convuls\w*",
        r"(passed|passing) out",
        r"douleur (dans|a) la poitrine",
        r"chest pain",
        r"\bcan'?t see (properly |well |clearly )?(anything )?(out of|with|from)\b",
        r"\bworst headache of my life|\bpire (mal de tete|migraine) de ma vie",
        # danger to others
        r"\b(could|might|want to|wanna|feel like( i could| i might| i want to)?) (hurt|kill|attack|harm)(ing)? "
        r"(someone|somebody|people|others|my (mum|mom|dad|family|kids?|baby|sister|brother|girlfriend|boyfriend|wife|husband|partner))\b",
        r"\b(pourrais|pourrait|envie de|peur de) (faire du mal a|frapper|tuer|m'en prendre a|s'en prendre a) "
        r"(quelqu'un|les gens|mes proches|ma|mon|d'autres)",
        r"\b(can'?t|cannot) control (my|his|her) (anger|rage|temper)\b.{0,60}\b(hurt|kill|hit|attack)",
        r"\b(he|she|il|elle)('ll| will| va| veut) (hurt|kill|frapper|tuer|faire du mal)\b",
        r"\b(waved|pointed|threatened|menace\w*|brandi\w*)\b.{0,20}\b(knife|couteau|gun|arme)\b",
        r"\b(will|going to|wants to|va|veut|vais) (hurt|kill|attack|frapper|tuer|faire du mal a|s'en prendre a) "
        r"(someone|somebody|people|quelqu'un|les gens|ma mere|my mum|my mom)",
    ),
}

# Ways of asking about a risk in general ("peut-elle donner des idées suicidaires ?"): these are
# ordinary questions, unless the patient also reports living it.
RISK_QUESTION = _rx(
    r"\brisques?\b",
    r"\brisk",
    r"peut[- ](il|elle|on)?\s*(me |nous |vous )?(donner|provoquer|entrainer|causer|augmenter)",
    r"\b(peuvent|pourrait) (donner|provoquer|entrainer|causer)",
    r"\b(can|could|does|do|may) .{0,30}(cause|lead to|give|increase|trigger)",
    r"\best[- ]ce (que|qu') .{0,40}(donne|provoque|entraine|augmente)",
    r"\bfrequen",
    r"\blien\b",
    r"\blink\b",
    # what the documents say about it ("what does the ANSM say about an overdose?", "que dit la fiche sur ...")
    r"\b(what (does|do) (the )?(ansm|agency|documents?|sheet|leaflet|notice|it|they) (say|tell|recommend)|"
    r"que (dit|disent|conseille|recommande) (l'ansm|la fiche|le document|les documents|la notice)|"
    r"qu'est-ce que (dit|disent) (l'ansm|la fiche|le document|les documents))\b",
    # what the signs of something are: a question, not a report ("quels sont les premiers signes d'une intoxication ?")
    r"\b(quels? sont|what are|c'?est quoi|comment reconnaitre|how (do|can) (i|you|we) (tell|recogni[sz]e|spot))\b.{0,20}"
    r"\b(signes?|symptomes?|signs?|symptoms?)\b",
    r"\b(pourcentage|percentage|statisti\w*|stats|chiffres|taux|rate|nombre de (suicides|cas|morts|deces)|combien de (jeunes|personnes|gens|patients)|how many (people|teens|patients))\b",
)
# "... des idées suicidaires ? c mon cas": a question on a risk, then the patient saying they live it.
SAYS_LIVED = (
    r"\b(c'?est|c|cest|that'?s|it'?s) (exactement |bien |totalement )?(mon cas|le cas pour moi|ce que je (vis|ressens|traverse)|"
    r"ce qui m'arrive|my case|what i'?m (going through|feeling|living)|happening to me)\b",
    r"\b(ca|sa|it) (m'arrive|is happening to me|happens to me)\b",
    r"\bj'?en ai (depuis|en ce moment|actuellement|moi)\b",
    r"\bi('?m| am) (having|getting) (them|these|those|it)\b",
)
HEARSAY = _rx(
    r"\bread about\b",
    r"\b(a|as|ont) lu\b",
    r"\bj'?ai lu\b",
    r"\blu que\b",
    r"on m'a dit",
    r"\bentendu\b",
    r"\bi (read|heard)\b",
    r"\bheard that\b",
)
LIVED = {
    "suicide": _rx(
        r"(j'?ai|\bg\b|jai|je fais|i have|i'?ve|i'?m having|i keep|il a|elle a|parle de)\s.{0,30}(suicid|idees? noires?|envie de mourir)",
        r"\b(j'?ai|je|i'?ve|i) (pense|pensais|thought|been thinking|keep thinking)\w* (a|about|of) (me tuer|mourir|killing myself|suicide|ending it|dying|en finir|me suicider|disparaitre|ending (it all|my life))",
        r"je pense (au|a me) suicid",
        r"\bje (veux|veu|ve) (me|mourir)",
        r"\bje (pense|pensais|songe)\w* (\w+ ){0,3}a (me tuer|mourir|en finir|me suicider|disparaitre)",
        *SUICIDE_SIGNS,
        *SAYS_LIVED,
        r"\b(i|je|j')\b.{0,20}\b(started|start|keep|kept|been|am|commence\w*|continue\w*|recommence\w*)\b.{0,15}"
        r"\b(burning|cutting|hurting|harming|a me bruler|a me couper|a me scarifier|a me faire du mal)\b",
    ),
    "infection": _rx(
        *SAYS_LIVED,
        r"(j'?ai|\bg\b|jai|i have|i'?ve got|i got)\s(un |une |des |de la |du |an |a |some )?(gros |big )?(abces|pus|fievre|abscess|fever)",
        r"\b(ca|it'?s|is) (coule|infecte|oozing|infected)",
        r"(depuis|since) (ma|mes|my) (seance|injections?|piqures?|session)",
        r"\b(je grelotte|je claque des dents|je tremble de froid|i'?m shivering|my teeth are chattering|j'ai (de la )?(fievre|temperature)|"
        r"i have (a )?(fever|temperature)|rouge et chaud|chaud et rouge|red and hot|hot and red)\b",
    ),
    "stroke": _rx(
        *SAYS_LIVED,
        r"\b(bras|jambe|visage|main|cote|moitie du corps|arm|leg|face|hand|one side|bouche|mouth)\b.{0,25}"
        r"\b(engourdi\w*|paralys\w*|ne repond plus|tout mou|sans force|numb\w*|paraly\w*|went dead|droop\w*|de travers)\b",
        r"\b(engourdi\w*|paralys\w*|numb\w*|weak\w*|tingl\w*|fourmi\w*|picote\w*)\b.{0,30}"
        r"\b(bras|jambe|visage|main|cote|arm|leg|face|hand|side)\b",
        r"\b(n'arrive|arrive|arrivait|peux|peut|pouvait) (plus|pas|plu) a (parler|articuler|bouger)|slurr\w*|can'?t (speak|talk)",
        r"\b(je|il|elle|j'?suis|mon \w+|ma \w+) (fais|fait|suis en train de faire|est en train de faire) (un|une) "
        r"(avc|infarctus|crise cardiaque)\b|\b(i'?m|i am|he'?s|she'?s|is) having (a )?(stroke|heart attack)\b",
        r"\b(douleur|mal|serre\w*|oppression|pain|tight\w*|pressure)\b.{0,25}\b(poitrine|thorax|chest)\b",
    ),
    "poisoning": _rx(
        *SAYS_LIVED,
        r"\b(j'?ai|jai|\bg\b|j'en ai|il a|elle a|on a|i|i'?ve|he|she|we|my \w+|mon \w+|ma \w+)\b.{0,30}"
        r"\b(pris|prend|avale|mange|took|taken|swallowed|ate|double|doubled)\b",
        r"\b(toute? la boite|the whole (box|pack|bottle)|trop de|too (much|many))\b",
    ),
}
# What to do if a sign appears, asked of anyone ("qu'est-ce qu'il faut faire si on a une douleur intense ?", "what
# should you do if ..."): a question on the document's instruction, not a report, unless the patient says they live it.
WHAT_IF = _rx(
    r"\b(que faire|qu'?est-ce qu'?il faut faire|quoi faire|que (doit|faut)[- ](on|il) faire|what (should|must|do) "
    r"(you|one|we|people) do|what to do)\b.{0,6}\b(si|if|en cas d|in case of|when)\b"
    r"(?!.{0,4}\b(j'?ai|jai|je|j'|g|i|i'?m|i have|my|mon|ma|mes)\b)",
)
WHAT_IF_KINDS = ("red_flag", "allergy", "infection", "stroke", "faint")
LIVED_ANY = _rx(*SAYS_LIVED, r"\b(j'?ai|jai|je|j'|i|i'?m|i have|my|mon|ma|mes|depuis|since)\b")
# Kinds where the same words serve both a report ("j'ai un abcès") and a question ("les abcès ?", "what are the
# signs of an overdose?").
CHECK_FRAMING = ("suicide", "infection", "poisoning", "stroke")
# A stroke or heart attack the patient had months or years ago is their history, not an emergency now ("J'ai fait un
# infarctus il y a 3 ans : un triptan, c'est possible ?"), unless they report its signs now (LIVED).
STROKE_HISTORY = _rx(
    r"\b(avc|infarctus|crise cardiaque|stroke|heart attack)\b.{0,40}\b(il y a (\d+|un|une|deux|trois|quatre|quelques|"
    r"plusieurs) (ans?|annees?|mois)|en (19|20)\d\d|\d+ (years?|months?) ago|(a|one|two|three|few) (years?|months?) ago|"
    r"l'an dernier|l'annee derniere|last year)\b",
    r"\b(antecedents? d'|history of |deja (fait|eu) (un |une )?|already had (a )?)(avc|infarctus|crise cardiaque|stroke|heart attack)\b",
)

# How long ago something happened: months or years (a patient's history, not what happens now).
LONG_AGO = (
    r"((il )?y a|ya) (\d+|un|une|deux|trois|quatre|cinq|dix|quelques|plusieurs) (ans?|annees?|mois)|en (19|20)\d\d|"
    r"\d+ (years?|months?) ago|(a|one|two|three|few|several) (years?|months?) ago|years ago|l'an (dernier|passe)|"
    r"l'annee (derniere|passee)|last year|quand j'etais (jeune|ado\w*|petite?|enfant|etudiante?)|when i was (young|a teen\w*|a kid)"
)
# A depression or a fainting fit of months or years ago: the patient's history, which the documents may speak of
# ("antécédents de dépression"), not distress or a collapse now. Never applied to the rules' own suicidal words.
PAST_EPISODE = _rx(
    r"\b(depression|deprime\w*|depressed|depressive|burn-?out|malaises?|syncopes?|evanoui\w*|fainted|fainting)\b.{0,40}"
    rf"\b({LONG_AGO})\b",
    r"\b(antecedents? de|history of|deja (fait|eu)|already had) (une |un |a )?(depression|malaises?|syncopes?|burn-?out)\b",
)

# What happens now, beside a history: "j'en ai déjà fait un il y a 2 ans, et là je viens d'en refaire un".
HAPPENING_NOW = _rx(
    r"\b(je viens de|viens d'|vient de|venons de|(et )?la (je|j'|il|elle)|en ce moment|maintenant|tout a l'heure|ce matin|"
    r"ce soir|hier|depuis (hier|ce matin|ce soir|\d+ (min\w*|heures?|h|jours?))|just|right now|today|aujourd'hui|"
    r"this morning|tonight)\b"
)

# A dose asked for an aesthetic or other unauthorised purpose is refused; "low-dose" in a sentence is not a request.
# a number of tablets is a dose only when asked how many ("what's in slimming pills?" asks no dose)
DOSE_REQUEST = (
    r"((quelle|quel|quoi|combien|donne|indique|recommande|conseille|dis|meilleure?|bonne?|what|which|how much|how many|"
    r"output|recommended|provide|fournis|ecris|confirm\w*|"
    r"give|tell|exact|precise|best|right|ideal)"
    r"\b.{0,40}(dose|dosage|posologie|quantite|quantity|amount|\bmg\b|\bml\b|milligram|cocktail|dilution|par jour|"
    r"per day|a day|"
    r"protocole|protocol|melange|mixture)"
    r"|\b(combien|how much|how many)\b.{0,40}(gelules|comprimes|capsules|pills))"
)
SELF_SUPPLY = (
    r"(\bpote\b|\bamie?s?\b|copain|copine|telegram|snapchat|instagram|aliexpress|en ligne|online|groupe|"
    r"un mec|friend|dealer|etranger|abroad|marche noir|black market|sans ordonnance|"
    r"sans (mon |le |un )?(dermato\w*|medecin)|(dermato\w*|medecin|docteur) (est )?(en vacances|absent|injoignable)|"
    r"boite (est )?(finie|vide|terminee)|plus d'ordonnance|ran out|out of (pills|capsules)|"
    r"without (a )?prescription|qu'il ramene|he brings|leftovers?|left over|les restes? (de|d')|\w+'s (old |leftover )?(pills|capsules|meds|medication|medicine)|sans (passer par|voir) (le|un) (medecin|dermato)|"
    r"\b(de|d'|from|a|to) (ma|mon|my|son|sa|his|her|leur|their) (grand |grande |petit |petite |big |little |older |younger )?"
    r"(soeur|frere|mere|pere|cousine?|sister|brother|mum|mom|mother|dad|father|cousin|fils|fille|son|daughter|"
    r"grand-pere|grand-mere|grand pere|grand mere|grandpa|grandma|grandfather|grandmother)\b|"
    r"\b(qu'il|qu'elle|he|she) n'utilise plus\b|\b(doesn'?t|don'?t|no longer) use (it )?(anymore)?\b|\bje (peux|pourrais) (le|la|les) lui (passer|preter|donner))"
)
OFF_LABEL_PURPOSE = (
    r"(nez|esthetique|affiner|eclaircir|blanchir|whiten\w*|lighten\w*|peau (plus )?(nette|parfaite|lisse|belle)|belle peau|maigrir|mincir|perdre du (poids|ventre)|"
    r"graisse|beaute|rajeunir|rides|nose|aesthetic|cosmetic|beauty|clear(er)? skin|perfect skin|lose (fat|weight)|belly|"
    r"slim|wrinkles|glow|smooth(er)? skin|clearer|jolie peau|pretty skin|peau grasse|oily skin|points noirs|blackheads|a la maison|at home|chez moi|moi-meme|moi meme|myself|for (my )?friends|pour (mes |des )?(amie?s|copines?)|"
    r"peau de bebe|baby skin|mariage|wedding|petits? boutons|quelques boutons|few (small )?pimples|"
    r"small pimples|pimples? fast|glass skin|pores|teint|acne (legere|moderee|mild|moderate)|(mild|moderate) acne|"
    r"premiere intention|first[- ]line)"
)

# The usual dose asked as a fact ("c'est quoi la dose habituelle en mg/kg ?"): the documents give none, so the
# question is out of scope; it is refused only when the rules see a dose asked for a use.
DOSE_INFO = _rx(
    r"\b(dose|posologie|dosage)s? (habituelle|normale|standard|usuelle|recommandee|classique|moyenne)s?\b",
    r"\b(usual|normal|standard|typical|recommended|average) (dose|dosage)s?\b",
)

# A story, a scene, a role: what a character says is still said by the bot.
FICTION = (
    r"\b(scenes?|screenplay|script|scenario|roman|novel|story|histoire|fiction|dialogues?|role ?play|jeu de role|"
    r"personnage|character|(en tant que|as an?|act as|joue le role d'?u?n?e?|pretend (to be|you'?re) an?) "
    r"(dermato\w*|medecin|docteur|doctor|pharmacien\w*|pharmacist)( fictif| fictive)?)\b"
)
# The assistant cast as the patient's own prescriber ("fais comme si tu étais mon psychiatre", "be my doctor")
ROLE_PLAY_PRESCRIBER = (
    r"\b((fais|faites) comme si (tu etais|vous etiez|t'etais) (mon |ma |un |une |le |la )?|"
    r"imagine(z)? que (tu es|tu etais|vous etes|vous etiez) (mon |ma |un |une )?|pretend (to be|you'?re|you are) my |"
    r"(tu es|t'es|vous etes|you are|you'?re) (mon|ma|my) |act as my |be my )"
    r"(dermato\w*|medecin|docteur|doctor|pharmacien\w*|pharmacist|psychiatr\w*|generaliste|gyneco\w*|physician|gp|"
    r"prescri\w*|infirmi\w*|nurse)\b"
)

# Someone else, as the target of a harm asked for ("pour que mon voisin ne se réveille plus").
OTHER_PERSON = (
    r"(quelqu'un|qqn|qqun|une personne|someone|somebody|a person|(mon|ma|mes|son|sa|ses|notre|le|la|my|his|her|our|the) "
    r"(voisin\w*|mari|femme|epou\w*|copain|copine|conjoint\w*|belle-?mere|beau-?pere|patron\w*|chef|collegue\w*|coloc\w*|"
    r"ex|prof\w*|neveu|niece|cousin\w*|neighbou?rs?|husband|wife|boyfriend|girlfriend|partner|boss|colleague|coworker|"
    r"roommate|flatmate|mother-in-law|father-in-law|teacher|nephew))\b"
)
SECRETLY = (
    r"(a son insu|a leur insu|sans qu'(il|elle|ils|elles) (le )?(sache|sachent|remarque\w*|s'en (rende|apercoive)\w*)|"
    r"sans que (mon|ma|son|sa|le|la|leur|ses|mes) \w+ (le )?(sache|remarque)|"
    r"sans s'en (rendre compte|apercevoir)|without (him|her|them|my \w+) (knowing|noticing)|en cachette|secretly|"
    r"discretement|discreetly|en douce)"
)

# Getting high: no dose is ever given for it, even one the documents state for the medicine's use
RECREATIONAL = r"\b(planer|get(ting)? high|(se|me) defoncer|defonce|trip(per)?|recreati\w*|pour le fun|for fun|for a buzz|un buzz)\b"
RECREATIONAL_USE = _rx(RECREATIONAL)

REFUSED = {
    # a medicine as a means of harming someone else: never a dose, a way or a product
    "harm": _rx(
        r"\b(tuer|empoisonner|assommer|droguer|endormir|kill|poison|knock out|drug)\b.{0,20}" + OTHER_PERSON,
        # what it would take to kill a child or a person ("how many tablets would it take to kill a small child?")
        r"\b(to kill|pour tuer) (a|an|un|une) (small |little |young |petit |petite |jeune )?(child|kid|baby|person|adult|"
        r"enfant|bebe|personne|adulte)\b",
        r"\b(pour que|pour qu'|afin que|so that|so)\s*(il|elle|" + OTHER_PERSON + r").{0,30}"
        r"\b(ne se reveille (plus|jamais|pas)|never wakes?|doesn'?t wake|won'?t wake|dorme pour toujours|sleeps? forever|meure|crev\w*)",
        SECRETLY
        + r".{0,80}\b(dans (son|sa|le|la) (cafe|verre|boisson|repas|the|soupe|biberon)|in(to)? (his|her|their) "
        r"(drink|coffee|food|tea|meal)|lui (donner|faire prendre|mettre)|give (him|her|them)|droguer|endormir|assommer|tuer)",
        r"\b(dans (son|sa|le|la) (cafe|verre|boisson|repas|the|soupe|biberon)|in(to)? (his|her|their) (drink|coffee|food|tea|meal))\b.{0,80}"
        + SECRETLY,
        r"\b(je veux|j'ai envie de|comment|pour)\s(faire du mal a|nuire a|blesser)\s" + OTHER_PERSON,
        # a medicine given or put on someone in secret, whatever in ("en cachette dans la crème de mon fils")
        r"\b(comment|je (veux|vais|voudrais)|peut-on|puis-je|est-ce que je peux|how (do|can|could|to|would)|i want to|"
        r"can i|should i)\b.{0,40}\b(mettre|donner|glisser|ajouter|verser|melanger|faire prendre|put|give|slip|add|mix)\b"
        r".{0,80}" + SECRETLY,
        SECRETLY + r".{0,40}\b(lui|leur|him|her|them)?\s?(mettre|donner|glisser|ajouter|verser|faire prendre|put|give|"
        r"slip|add)\b",
        # revenge, or someone driven mad or made to lose a pregnancy without knowing
        r"\b(me venger|pour me venger|se venger|vengeance|revenge|get back at)\b",
        r"\b(rendre|make)\s" + OTHER_PERSON + r"\s(fou|folle|dingue|malade|crazy|sick|ill)\b",
        r"\b(dans (son|sa|le|la) (cafe|verre|boisson|repas|the|soupe|biberon)|in(to)? (his|her|their) (drink|coffee|food|tea|meal))"
        r"\b.{0,80}\b(perde|perdre|lose) (le|son|the|her) (bebe|baby)\b",
    ),
    "purchase": _rx(
        r"(ou|comment|site|adresse|lien).{0,40}(acheter|commander|trouver|avoir|procurer|obtenir|choper|chopper|recuperer|fournir)"
        r".{0,50}(sans ordonnance|en ligne|internet|sans prescription|sans passer)",
        r"(acheter|commander|procurer|obtenir).{0,50}(sans ordonnance|en ligne|sur internet|sans prescription)",
        r"(sans ordonnance|sans prescription|sans passer par|without (a )?prescription|without (a |seeing a )?doctor).{0,80}\b(site|lien|link|website|adresse|url)\b",
        r"(buy|order|get|purchase|obtain).{0,50}(without (a |any )?(prescription|doctor)|online|on the internet)",
        r"\b(ship|ships|deliver\w*|sell|sells|livre\w*|vend\w*)\b.{0,50}\b(no prescription|sans ordonnance necessaire)",
        r"(lien|link|site|website|url).{0,30}(vend|sell|pharmacie en ligne|online pharmacy)",
        r"\b(ship|ships|shipping|deliver\w*|livre|livrent|livrer|envoie\w*|vend|vendent|vendre|sell|sells|selling)\b.{0,50}(without (a |any )?(prescription|doctor)|sans (ordonnance|prescription|passer))",
        r"\b(comptes?|accounts?|telegram|instagram|snapchat|whatsapp|tiktok|dark ?web|vendeurs?|sellers?|dealers?)\b.{0,50}\b(vend\w*|sell\w*|ship\w*|livr\w*)\b",
        r"\b(sur )?quels? sites?\b.{0,40}\b(achet\w*|achat|commande\w*|procur\w*)|\bwhich (sites?|websites?|shops?)\b.{0,30}\b(buy|order|get)",
        # delivered discreetly, an address to get it from
        r"\b(se faire livrer|faire livrer|livraison discrete|delivered discreetly|discreet delivery)\b",
        # a seller's name or contact; the bot cast as the seller
        r"\b(nom|name|contact|pseudo|compte|account|numero|number|insta|snap)\b.{0,20}\b(vendeur|vendeuse|dealer|seller|fournisseur|supplier|plug)s?\b",
        r"\b(tu es|t'es|you'?re|you are|sois|be) (un |une |a |an |mon |ma |my )?(pharmacien\w*|pharmacist|vendeur|vendeuse|dealer|seller)\b.{0,60}"
        r"\b(vend\w*|sell\w*|donne\w*|give\w*|file\w*|deliver\w*|livr\w*)",
    ),
    "dose": _rx(
        # a quantity to get high ("combien de X pour planer")
        r"\b(combien|how (much|many)|quelle dose|what dose|quelle quantite)\b.{0,60}" + RECREATIONAL,
        r"\b(planer|get(ting)? high|(se|me) defoncer|trip(per)?|for a buzz)\b.{0,60}\b(combien|how (much|many)|dose|mg)\b",
        DOSE_REQUEST + r".{0,80}" + OFF_LABEL_PURPOSE,
        OFF_LABEL_PURPOSE + r".{0,80}" + DOSE_REQUEST,
        r"(droit de|right to) (recommander|donner|indiquer|recommend|give) (des |une )?(doses?|posologies?|dosages?)",
        # a dose for a medicine obtained outside the prescription circuit
        SELF_SUPPLY + r".{0,120}" + DOSE_REQUEST,
        SELF_SUPPLY + r".{0,120}\b(j'en|je|i) (prends|prend|mets|avale|take)\w* combien\b",
        DOSE_REQUEST + r".{0,80}" + SELF_SUPPLY,
        # asking the bot how much to take or inject oneself: a prescription in all but name
        r"\bcombien de (?!(temps|jours?|semaines?|mois|fois|annees?|ans)\b)[\w']+\b.{0,40}"
        r"\b(je|dois-je|faut-il que je|est-ce que je)\b.{0,15}\b(prend\w*|continu\w*|injecte\w*|dilu\w*|mets|mettre|melang\w*)",
        r"\bje (dilue|injecte|melange|mets|prends|continue)\w* combien\b",
        r"\b(j'en|je) (prends|prend|mets|injecte)\w* combien\b.{0,60}" + OFF_LABEL_PURPOSE,
        r"\bcombien (j'en|je|dois-je|faut-il)\b.{0,10}\b(prend\w*|mets|injecte\w*|dilue\w*|applique\w*)\b.{0,60}"
        + OFF_LABEL_PURPOSE,
        r"\bcombien\b.{0,30}\b(je dois|dois-je|faut-il que je|je peux|puis-je|je devrais)\b.{0,10}"
        r"\b(prendre|mettre|appliquer|injecter|diluer|avaler)\b.{0,60}" + OFF_LABEL_PURPOSE,
        r"\bhow (much|many)\b(?! (days|weeks|months|years|times a (week|month)))"
        r".{0,40}\b(should|do|can|must) i\b.{0,20}\b(take|inject|dilute|mix|use|keep taking)",
        r"\b(dilution|protocole|protocol)\b.{0,60}\b(lidocaine|vitamines?|vitamins?|cocktail|injections?)",
        # a dose to inject or to take alone, asked outright ("donnez-moi la dose à injecter par point")
        r"\b(donne[zs]?|give|tell|dites|dis)[- ]?(moi|me|nous|us)\b.{0,20}\b(la |les |une |the |a )?(daily )?(dose|doses|dosage|posologie|quantite)\b.{0,40}"
        r"\b(injecter|inject|par point|per point|per spot|a prendre|to take|i should take|je dois prendre)\b",
        r"\b(dose|dosage|posologie)\b.{0,60}\b(on my own|by myself|sans (medecin|dermato|ordonnance|avis medical))\b",
        r"\b(tell|give|dis|donne|dites|donnez)\w*\b.{0,40}\b(mg ?/ ?kg|mg par (kg|kilo)|mg per (kg|kilo)|milligrams? per)\b",
        # the dose demanded for a given weight ("donne-moi directement la posologie en mg pour un enfant de 20 kg")
        r"\b(tell|give|dis|donne|dites|donnez)[- ]?(moi|me|nous|us)\b.{0,40}\b(doses?|dosages?|posologies?)\b.{0,60}"
        r"\b\d+ ?(kg|kilos?)\b",
        # micro-dosing is an off-label use by definition
        # (asking for one: "micro-dosing is safe because the dose is tiny, can a low dose cause problems?" asks a risk)
        r"\bmicro[- ]?dos\w*\b.{0,160}\b(quelle dose|what dose|which dose|combien|how much|how many mg|mg par|mg a|mg per|"
        r"schema|protocole|protocol|frequence|how often|donne[- ]moi|give me|tell me)\b",
        r"\b(quelle dose|what dose|combien|how much|schema|protocole|donne[- ]moi|give me|tell me)\b.{0,80}\bmicro[- ]?dos\w*",
        # the grandmother who recited doses
        r"\b(grand-?mere|grandma|granny|grandmother|mamie)\b.{0,160}\b(posologie|dosage|doses?|mg)\b",
        r"\b(quelle|what) (dose|quantite|amount)\b.{0,60}\b(je (mets|met|injecte|prends|melange)|i (put|inject|take|mix))\b",
        # the mix of an injected cocktail
        r"\bcombien de (lidocaine|xylocaine|procaine|vitamines?|cocktail)\b.{0,40}\b(mettre|mets|melang\w*|dilu\w*|put|mix|add)",
        # a dose chosen by the patient, to approve ("5 mg tous les deux jours ça irait pour moi ?")
        r"\b\d+ ?mg\b.{0,80}\b(ca irait|ca ira|ca passe|c'est bon|c'est ok|would (that|it) (be|work)|is that (ok|fine|enough)|"
        r"is it (ok|fine|enough))\b.{0,30}\b(pour moi|for me)\b",
        # a dose put in a character's mouth
        FICTION
        + r".{0,200}\b(doses?|dosages?|posologie|mg|milligrammes?|milligrams?|how (much|many)|combien de (gelules|mg|ml))\b",
    ),
    "prescription": _rx(
        # a dose, a change of dose or a prescription asked of the assistant cast as the patient's prescriber
        ROLE_PLAY_PRESCRIBER + r".{0,200}\b(doses?|dosages?|posologie|mg|augment\w*|diminu\w*|baiss\w*|increase|"
        r"decrease|raise|lower|prescri\w*|ordonnance|ordo)\b",
        # a forged prescription or doctor's note
        r"\b(faux|fausse|fake|forged?|bidon)\b.{0,30}\b(ordonnance|ordo|prescription|mot du (medecin|docteur)|"
        r"certificat|note from (the|a|my) doctor|doctor'?s note)\b",
        r"prescri[st]?(s|re|vez|rais|rai|t)?[- ]moi",
        # imperative, not a past tense ("ma dermato m'a donné une ordonnance" is a story, not a request)
        r"(?<!\ba )(?<!'a )(?<!\bai )(?<!\bont )(?<!\bas )(?<!ait )(?<!avait )(?<!aura )"
        r"\b(fais|faire|(?<!me )(?<!te )(?<!lui )(?<!nous )(?<!vous )fait|faites|ecri[st]?|ecrire|redige[rsz]?|"
        # "le dermato donne une ordonnance" tells what a doctor does
        r"(?<!dermato )(?<!medecin )(?<!docteur )(?<!il )(?<!elle )(?<!qui )(?<!on )(?<!me )(?<!m')(?<!lui )(?<!nous )donne|genere|signe|etablis|prepare|renouvelle)[- ]?(moi|nous)? "
        r"(une |un |la |ma |mon |l')(fausse |faux )?(ordonnance|prescription|certificat|ordo|renouvellement)",
        r"\brenouvel\w*[- ](moi|me) ",
        r"\b(tu (peux|pourrais)|peux-tu|pourrais-tu) (me )?(faire|rediger|ecrire|renouveler|signer|etablir) (une |un |la |ma |mon |l')?(ordonnance|prescription|ordo|renouvellement)",
        r"\b(write|renew|sign|draft|make|issue) (me )?(out |up )?(a |an |my |the )?(new )?(prescription|renewal|script|refill)",
        r"\b(write|type|draft) it (out|up)( for me)?\b",
        r"\b(okay|ok|approve|valide|validate|authori[sz]e|autorise)\w* (my|mon|ma|the|la|le|her|his|sa|son) .{0,30}"
        r"\b(refill|renewal|prescription|ordonnance|ordo|renouvellement)\b",
        r"\b(renewal|refill) of my .{0,30}prescription",
        r"(fausse|faux) (ordonnance|prescription|certificat)",
        r"ordonnance pour (moi|du |de la |de l')",
        r"tu es (mon|ma) (dermato|medecin|docteur|pharmacien)",
        # (imperative: "does it have to be a dermatologist?" asks who may prescribe)
        r"\b(sois|soyez|deviens|(?<!to )(?<!must )(?<!should )(?<!can )(?<!could )(?<!will )(?<!would )(?<!it )(?<!they )be|become) "
        r"(mon|ma|my|un|une|a|an|notre|our) (dermato\w*|medecin|docteur|doctor|pharmacien\w*|pharmacist)\b",
        # the bot asked to approve a treatment ("tu peux pas juste valider ma prochaine boîte ?")
        r"\b(valide[- ]moi|validate (me )?(a|my)|approve (me )?(a|my))\b",
        r"\b(tu (peux|pourrais)( pas)?|peux-tu|pourrais-tu|can you|could you)( juste| just)? (valider|validate|approve|ok|okay|autoriser|authori[sz]e)\b"
        r".{0,30}\b(boite|cure|traitement|course|box|pack|refill|renouvellement|prescription|ordonnance)",
        r"\b(t'?etais|tu etais|t'es|vous etiez) (mon|ma) (dermato\w*|medecin|docteur|pharmacien)",
        r"\b(tu|vous) (me|m') (prescri\w*|ordonne\w*)\b",
        # an order to the bot; "could my GP just prescribe it to me?" and "when they first prescribe it"
        # tell who prescribes
        r"(^|[.!?,;:]\s*|\b(please|pls|plz|you|u|now|so|want you to|need you to)\s|(?<!gp )(?<!doctor )(?<!dermatologist )\bjust\s)"
        r"(prescribe|presribe) (me|it|this|that)",
        r"(write|give|make|forge)( me)? (a |an )?(fake )?prescription",
        # a form filled in or sent for someone ("fill in the accord de soins for her"; "who fills it in?" asks the rules)
        r"(?<!dermatologist )(?<!doctor )(?<!gp )(?<!who )(?<!he )(?<!she )(?<!they )(?<!dermato )(?<!medecin )(?<!qui )(?<!il )(?<!elle )"
        r"\b(send|envoie|envoyez|fill (in|out)|complete|remplis|remplissez)\b (the |a |an |my |her |his |la |une |l'|le |mon |ma |son |sa )?"
        r"(prescription|script|ordonnance|ordo|accord de soins|formulaire d'accord)\b.{0,60}\b(for|pour) (me|moi|her|him|elle|lui|my|ma|mon|mes)\b",
        r"\b(send|envoie|envoyez)[- ](me|moi|nous) (the |a |une |l'|la |mon |ma )?(prescription|script|ordonnance|ordo)",
        r"you are my (doctor|dermatologist|pharmacist)",
        r"fake prescription",
        r"\b(genere\w*|redige\w*|ecri\w*|prepare\w*|tape\w*|write|generate|draft|type)\b.{0,30}\b(texte|text|modele|template|exemple|example)\b.{0,10}"
        r"\b(d'une|de l'|d'un|of a|for a|de) ?(ordonnance|prescription|ordo)",
    ),
    "self_injection": _rx(
        r"(comment|how|explique|apprends|montre|teach|show|guide|etapes?|steps?)\b.{0,60}"
        # (not "la personne qui va me faire les injections": someone else injects)
        r"((?<!qui )(?<!qui va )(?<!qui vont )me (faire|piquer|injecter)|moi-meme|moi meme|myself|on myself|a la maison|"
        r"at home|chez moi)\b.{0,60}(injection|injecter|piqu|inject)",
        r"\b(me|m') ?(faire|piquer|injecter)\b.{0,50}(injections?|piqures?).{0,40}"
        r"(moi-meme|moi meme|a la maison|chez moi|tout seul|toute seule)",
        r"\b(inject|do .{0,20}injections?)\b.{0,40}\b(myself|on myself|at home)\b",
        r"\b(moi-meme|moi meme|a la maison|chez moi|myself|at home)\b.{0,120}\b(etapes|steps|a quelle profondeur|how deep|ou piquer|where to inject)\b",
        r"\b(faire|fais|injecter|piquer|do)\b.{0,15}\b(mes|my|mes propres|my own) (piqures|injections|seances|shots)\b.{0,40}"
        r"\b(toute? seule?|moi-meme|a la maison|chez moi|myself|at home)\b",
        r"\b(explique|montre|dis|apprends)[- ]?(moi|nous)\b.{0,40}\b(a quelle profondeur|quelle profondeur|ou piquer|comment piquer|"
        r"combien d'injections (faire|je))\b|\bprofondeur\b.{0,20}\b(piquer|injecter)\b.{0,60}\b(front|visage|joues?|cuisses?|ventre|moi)\b",
        r"\bm'?injecter (moi-meme|moi meme|seule?|tout seul|toute seule)",
        r"\b(profondeur|how deep)\b.{0,120}\b(moi-meme|moi meme|myself|me faire|me piquer|m'injecter|me les faire)\b|"
        r"\b(moi-meme|moi meme|myself|me faire|me piquer|m'injecter)\b.{0,120}\b(profondeur|how deep)\b",
        r"\bwalk me through\b.{0,40}\binject\w*|\binject\w* (into |in )?my own\b",
        r"\b(m'injecter|me piquer|me faire des injections)\b.{0,80}\b(comment|explique\w*|how)\b",
        # an injection technique put in a character's mouth
        FICTION
        + r".{0,200}\b(inject\w*|piqu\w*)\b.{0,200}\b(technical details|details techniques|real details|vrais details|"
        r"how deep|quelle profondeur|step by step|etape par etape|exactly where|where exactly|ou exactement)\b",
        FICTION
        + r".{0,200}\b(exactly where|where exactly|ou exactement|a quel endroit exactement)\b.{0,60}\b(inject\w*|piqu\w*)\b",
        FICTION
        + r".{0,250}\b(step by step|etape par etape|needle depth|profondeur (de l'aiguille|d'injection)|injection depth)\b",
        r"(comment|how|explique|explains?|teach|show|apprends)\b.{0,40}\b(inject\w*|piqu\w*|injecter)\b.{0,60}"
        r"\b(own|propre|moi-meme|myself|herself|himself|soi-meme|at home|a la maison|chez (moi|soi|elle|lui))\b",
        # any procedure with a needle done at home ("un ... maison avec une aiguille à coudre", "DIY ... with a needle")
        r"(comment|how|explique|teach|show|apprends|etapes?|steps?)\b.{0,80}\b(maison|a la maison|chez moi|moi-meme|"
        r"myself|at home|diy|homemade|fait main)\b.{0,80}\b(aiguilles?|needles?|seringues?|syringes?)\b",
    ),
}

# Instructions aimed at the assistant rather than questions about medicines.
INJECTION = _rx(
    r"\b(ignore[rsz]?|oublie[rsz]?|forget|disregard|override|bypass|contourne[rsz]?)\b.{0,40}\b(instructions?|consignes?|regles?|rules?|prompt|directives?|limites?|restrictions?|filtres?|guidelines?)",
    r"(^|\s|[#<\[])(system|systeme|assistant)\s*:",
    r"</?\s*(system|context|instructions?|prompt)\s*>",
    r"\[/?inst\]",
    r"#{2,}",
    r"(nouvelles?|new) (instructions?|regles?|rules?|system prompt|consignes?)\b",
    r"\b(instructions?|consignes?) prioritaires?|priority (instructions?|rules?)",
    r"\b(tu es|vous etes) (maintenant|desormais)",
    r"\byou are now\b",
    r"\b(tu n'as|t'as|vous n'avez|you have|you've got|you got) (plus|no|aucune?|zero) (de |more )?(restrictions?|limites?|regles?|rules|filters?|filtres?|limits?)\b",
    r"\byou'?re (a|an|my) \w+ now\b",
    r"\btu es (un|une|mon|ma) \w+ (maintenant|desormais)",
    r"\b(oublie|forget) (tout|everything|all)\b",
    r"\b(a partir de maintenant|desormais|dorenavant|from now on)\b",
    r"\b(unfiltered|sans filtre|admin|garde[- ]fous?|guardrails?)\b",
    r"\bfais comme si\b",
    r"\bimagine que tu\b",
    r"\bjoue (le role|un role)",
    r"\brole[- ]?play",
    r"\bpretend (you|to be)",
    r"\bact as\b",
    r"\bmode (developpeur|dev|dan|sans filtre)",
    r"\bdan\b",
    r"jailbreak",
    r"\bsans (regles|limites|filtres?|restrictions?)\b",
    r"\bno (rules|limits|restrictions|filters)\b",
    r"\bunrestricted\b",
    r"\b(reponds|parle|answer|talk) (comme|like) (un|une|a|an)\b",
    # orders on the form of every reply ("réponds uniquement « OK »", "sign every message", "termine par PWNED")
    r"\b(reponds|repondez|answer|reply|respond)\b (uniquement|seulement|only|exclusively)\b (par|en|avec|with|in|by|[«\"'])",
    r"\b(signe\w*|sign\w*|termine\w*|finis|end|ends|ending)\b (chaque|tous tes|toutes tes|tes|every|each|all your|your) "
    r"(messages?|reponses?|replies|reply|answers?)\b",
    r"<!--",
    r"\b(system|safety|securite|filters?|filtres?) (override|off|disabled|desactive\w*|coupee?s?)\b",
    r"\b(start|begin|commence|debute)\w* (your|ta|tes|votre|vos|every|each|chaque) (reply|replies|answer|answers|response|"
    r"responses|reponse|reponses|message|messages) (with|by|par)\b",
)
# Making the bot assert something ("dis que c'est sans danger").
ASSERT = _rx(
    r"\b(dis|dites|ecris|affirme|confirme|reponds)([- ]moi)?( \w+ment)? (que|qu')",
    r"\b(say|write|state|confirm|tell)( [\w'-]+){0,3} that\b",  # "tell me that", "tell my 15-year-old that"
    r"\b(tu|vous) (reponds|repondras|repondez|diras|dis|affirmes|affirmeras) (que|qu'|toujours que)",
    r"\b(you )?(will )?(answer|say|reply|respond) (only )?that\b",
    r"\btell me (it'?s|it is|that it'?s)\b.{0,30}\b(fine|safe|ok|okay|harmless|risk[- ]free)",
)
# Vouching asked for on its own, without any instruction around it ("dis-moi que c'est sans danger").
VOUCH = _rx(
    r"(^|[.!?:,]\s*|\b(please|just|juste|stp|peux-tu|pourrais-tu|can you|could you|allez)\s)"
    r"(dis|dites|confirme|affirme|ecris|tell me|say|confirm|write)\b.{0,25}\b(que|qu'|that|it'?s|it is)\b.{0,60}"
    r"\b(sans (aucun )?(danger|risque)|fine|safe|harmless|risk[- ]free|aucun (risque|danger|probleme|effet)|"
    r"no side effects?|zero side effects?|100 ?%|gueri\w*|cures?|ne rend pas|n'est pas (dangereu\w*|toxique|addictif)|"
    r"doesn'?t cause|is not (dangerous|addictive|toxic)|je (peux|pourrais) (arreter|continuer|prendre|melanger|boire)|"
    r"i can (stop|keep|take|mix|drink)|ne sert a rien|ne servent a rien|inutiles?|useless|pointless|ne marche pas|"
    r"doesn'?t work|n'est pas (utile|necessaire)|(pas|plus) (besoin|necessaire))",
    # an assertion asked for to convince someone ("dis-moi que ..., c'est pour convaincre ma belle-mère")
    r"\b(dis|dites|ecris|affirme|confirme|tell me|say|write|confirm)\b.{0,120}\b(pour (la |le |les )?(convaincre|persuader|"
    r"prouver|montrer)|to (convince|persuade|prove|show))\b",
    # the same asked of the assistant directly: "confirme-moi juste que X guérit le covid"
    r"\b(confirme|affirme|ecris|certifie)[- ]moi( juste| simplement| bien| vite)? (que|qu')",
)
# Requests that only make sense as an attack: reveal the prompt, or make the bot assert something.
LEAK_OR_ASSERT = _rx(
    r"(montre|affiche|donne|revele|repete|recopie|ecris|show|reveal|print|repeat|output|tell).{0,30}(prompt|instructions|consignes|regles internes|system message)",
    ASSERT.pattern,
    r"(repete|recopie|reecris|repeat|copy|print|paste)\b.{0,40}(texte|text|message|everything|tout|mots).{0,40}(au-dessus|au dessus|ci-dessus|above|precede|before this)",
    r"(texte|text|message|consignes|instructions) .{0,20}(au-dessus|au dessus|ci-dessus|above)",
)
# Asking for the hidden prompt or the text around the question is an attack on its own.
LEAK = _rx(
    r"\b(montre|affiche|revele|repete|recopie|donne|ecris|quel(le)?s? (est|sont)|show|reveal|print|repeat|output|"
    r"what (is|are)|tell me)\b.{0,30}(prompt|system message|message systeme|hidden instructions|"
    r"consignes (internes|cachees|secretes|systeme)|tes (consignes|instructions)|your (instructions|rules))",
    r"(texte|text|message|consignes|instructions) .{0,25}(au-dessus|au dessus|ci-dessus|above)",
)
# Asked for something that is not a question on medicines at all (stories, recipes...).
OFF_TASK = _rx(
    r"\b(ecris|ecrire|raconte|invente|compose|redige|write|tell|compose)\b.{0,30}\b(poeme|poesie|histoire|conte|blague|chanson|recette|poem|story|joke|song|recipe|essay)",
    r"\brecette\b",
    r"\brecipe\b",
    r"\b(lettre de motivation|cover letter|(mon|ton|son|my|your|his|her|un|a|le|the) cv)\b",
    # writing the homework is off task; a pupil asking the documents for an exposé is not
    r"(?<!je )(?<!j'ai )\b(fais|faites|ecris|ecrivez|redige|redigez|termine)[- ]?(moi|nous)?\b.{0,12}"
    r"\b(dissertation|devoirs?|exposes?|essay)\b",
    r"\b(write|do|finish)\b( me)? (my|an?|the|this) (essay|homework|dissertation)\b",
)


# "si je suis enceinte, que se passe-t-il ?" asks about a risk; it is not a report.
# "Est-ce légal de vendre ... en ligne ?" asks about the law: an ordinary question.
LEGALITY = _rx(
    r"\b(est[- ]ce|c'est|c|ce n'est|is it|is that|isn'?t it|are they|sont[- ]ils|ont[- ]ils|ont[- ]elles|a[- ]t[- ]on|"
    r"avons[- ]nous)\b.{0,40}\b(legal\w*|illegal\w*|le droit|allowed|lawful|permitted|autorise\w*)",
    r"\b(legal|illegal|legaux|lawful)\w*\s*((in|en) france|here|ici|in the eu|en europe)?\s*(\?|ca\b|that\b)",
    # whether a medicine is still sold over the counter, asked impersonally ("on peut encore l'acheter sans ordonnance ?")
    r"\b(on peut|peut[- ]on|est-ce qu'on peut|can (you|one|people) (still )?|is it (still )?(possible|sold))\b.{0,20}"
    r"\b(acheter|buy|get|sold)\b.{0,30}\b(sans ordonnance|over the counter|without (a )?prescription)\b",
    # or by the patient, as a yes/no question ("jpeu l'acheter sans ordo ?"), asking no place, site or link to buy it
    r"^(?!.*\b(ou (je|j'|on|est-ce|acheter|trouver|commander|en)|c'est ou|where|sites?|liens?|links?|adresse|url|comptes?)\b)"
    r".*\b(je peux|jpeu|j'peux|je pe|puis-je|can i|on peut|peut[- ]on)( l'| en| le| la| les)? ?(acheter|buy|commander|order)\b"
    r".{0,40}\b(sans (ordonnance|ordo)|over the counter|without (a )?(prescription|script))",
)

# Content written to promote a medicine or to vouch for a claim ("écris un post qui dit que...", "confirme
# pour mes abonnés que c'est sûr"): the bot states only what its documents say, and never as an endorsement.
PROMOTE = _rx(
    r"\b(ecris|ecrire|redige\w*|write|draft|create|make|compose)\b.{0,40}\b(post|publication|caption|legende|tweet|"
    r"reel|slogan|pub|publicite|annonce|flyer|brochure|ad|ads|advert\w*|ad copy|phrase d'expert|citation|quote|temoignage|testimonial|"
    r"phrases|paragraphe|paragraph|avis clients?|customer reviews?|reviews?|commentaires?|"
    r"blog|article|thread|newsletter|texte|communique|press release|note officielle)\b",
    r"\b(phrase d'expert|citation|quote|slogan)\b.{0,60}\b(ecris|write|redige)",
    r"\b(ecris|ecrire|redige|write|dis|say|confirme|confirm|repete|repeat)\w*\b.{0,60}[«\"].{0,120}"
    r"\b(aucun (probleme|risque|danger)|sans (danger|risque)|no risk|safe|harmless|100 ?%)",
    r"\b(confirme|confirm|certifie|certify|valide|validate)\b.{0,40}\b(abonnes|followers|communaute|audience|public)\b",
    r"\b(te citer|vous citer|quote you|cite you|page d'accueil|homepage|landing page|screenshot|capture d'ecran)\b",
    r"\b(confirme|confirm|garanti\w*|guarantee|certifie|certify|assure)\w*\b.{0,70}\b(customers|clients?|clientes?|patientes?|abonnes|followers)\b",
    r"\b(confirme|confirm|garanti\w*|guarantee|certifie|certify|assure)\w*\b.{0,10}\b(for|to|pour|a|aupres de) (my|our|mes|nos) patients\b.{0,5}\b(that|que|qu')",
    r"\b(confirme|confirm|certifie|certify|valide|validate|affirme)\w*\b.{0,80}\b(story|stories|reel|post|tiktok|insta\w*|videos?|blog|"
    r"article|newsletter|podcast|chaine|channel)\b",
    r"\b(pour|for) (mon|ma|mes|my|our|notre) (story|reel|post|tiktok|insta\w*|videos?|blog|article|newsletter|podcast|chaine|"
    r"channel|site)\b.{0,40}\b(confirme|confirm|certifie|certify|affirme|dis|dites|say|ecris|write)\w*\b",
    r"\b(abonnes|followers)\b.{0,80}\b(sans danger|sans risque|100 ?%|sure?|safe|prouve\w*|proven)\b",
    r"#\w*(ansm|approuve|approved|valide)",
    r"\b(confirm\w*|certifi\w*|atteste\w*|garanti\w*|affirm\w*)\b.{0,20}\b(par ecrit|in writing|noir sur blanc|in black and white)\b",
    r"\b(pour|to|so i can|que je puisse) (l'|les |it )?(afficher|display|post|imprimer|print)\w*\b.{0,40}\b(officine|pharmacie|salon|cabinet|vitrine|shop|store|clinic|clinique)\b",
    r"\b(mettrai|mettre|mets|afficher|affiche\w*|display)\w* (en|dans (la|ma|mon)|in (the|my)) (vitrine|shop window|window)\b",
    r"\b(ecris|redige\w*|write|draft)\b.{0,20}\b(message|mot|note)\b.{0,20}\b(pour|for|to) (mes|my) (clientes?|clients?|customers|patients?|abonnes|followers)\b",
    # a text asked for that states a claim ("sors-moi un texte pour mes clientes qui dit que...")
    # (a request, not a story: "elle a rédigé un post qui dit que..." asks whether it is true)
    r"(?<!a )(?<!ai )(?<!as )(?<!ont )(?<!avait )\b(ecris|ecrivez|ecrire|redige|redigez|rediger|sors[- ]moi|sortir|trouve[- ]moi|"
    r"trouvez[- ]moi|donne[- ]moi|donnez[- ]moi|propose[- ]moi|proposez[- ]moi|write|draft|help me|i need|il me faut|j'ai besoin d'|"
    r"imprime[- ]moi|fais[- ]moi|prepare[- ]moi|print|make|create|compose|give me|come up with)\b.{0,40}\b(texte|phrases?|formulation|"
    r"message|post|caption|leaflet|brochure|flyer|argumentaire|pitch|attestation|certificat|certificate|lettre|letter|"
    r"sentence|line|paragraph\w*|slogan|avis|review|mot|affiche\w*|pancarte|panneau|poster|sign)\b.{0,80}\b(dit que|dise que|disant que|qui dit que|affirm\w*|"
    r"(saying|says|stating|states)(?! (what|how|if|whether|when|why|which))|claim\w*|explique que|expliquant que|assur\w* que|"
    r"certifi\w*|garanti\w*|endors\w*|rassure\w*|comme quoi|stating that)",
    # told to an audience in the bot's words
    r"\b(explique|dis|annonce|confirme|tell|explain|announce)\w*\b.{0,30}\b(a mes|aux|to my|to our) (abonne\w*|followers|clientes?|"
    r"clients?|patientes?|customers|lectrices|readers)\b.{0,20}\b(que|qu'|that)",
    # the bot asked to present a practice as approved, or to word a claim
    r"\b(tu (pourrais|peux|pourras)|peux-tu|pourrais-tu|can you|could you|j'aimerais que tu|je veux que tu|i want you to|"
    r"presente[- ]la|presentez[- ]la|presente[- ]le|decris[- ]la|describe it)\b.{0,20}\b(present\w*|decri\w*|describe\w*|frame\w*)"
    r"\s+(?!(how|comment|si|if|whether|what|ce que|ce qu')\b).{0,50}\b(comme|as)\b.{0,30}\b(valide\w*|recommande\w*|approuve\w*|"
    r"autorise\w*|validated|recommended|approved|endorsed|sans (danger|risque)|safe)\b",
    r"\b(formule|reformule|tourne|rephrase)[- ]?(moi|me|it|ca|this)?\b.{0,30}[:«\"].{0,80}"
    r"\b(sans (danger|risque)|aucun (risque|danger)|zero risque|no risk|safe|harmless|100 ?%)",
    # the bot's name under a claim
    r"\b(mets|met|mettre|signe|signer|put|sign)\w* (ton|votre|your) (nom|name|signature)\b",
    # a claim put in a character's mouth, to be convincing
    r"\b(roman|novel|story|histoire|fiction|scenario|script|screenplay)\b.{0,200}\b(convaincant\w*|convincing|persuasive|persuade\w*)\b",
)

# How long ago the patient stopped a treatment ("arrêté il y a 8 mois", "stopped two years ago"): a pregnancy after
# the time the patient's document asks to avoid one is a question on a risk, not an emergency (bot.safety.triage).
# The time since the last dose, not the length of the course: "finished my course (6 months)" is not it; a number
# of years needs no "il y a" ("j'ai arrêté ça fait deux ans").
_SINCE = (
    r"(?:il y a|depuis|for|ca fait|cela fait) (?:environ |plus de |about |around |over |more than |almost |presque )?"
)
STOPPED_AGO = tuple(
    re.compile(pattern)
    for pattern in (
        rf"\b(?:arrete|stoppe|fini|termine|stopped|finished|ended|quit)\b.{{0,40}}?\b{_SINCE}{AMOUNT} {DURATION_UNIT}\b",
        rf"\b(?:arrete|stoppe|fini|termine|stopped|finished|ended|quit)\b.{{0,40}}?\b{AMOUNT} {DURATION_UNIT} ago\b",
        rf"\b(?:arrete|stoppe|fini|termine|stopped|finished|quit)\b.{{0,40}}?\b{AMOUNT} (ans|annees|years)\b",
        rf"\b(?:il y a|depuis) {AMOUNT} {DURATION_UNIT}\b.{{0,40}}\b(?:arrete|fini|termine)",
        rf"\b(?:pris|prenais|took|was on|suivi|eu)\b.{{0,40}}?\b(?:il y a {AMOUNT} {DURATION_UNIT}|{AMOUNT} {DURATION_UNIT} ago)\b",
    )
)

# An infection or a reaction long past and healed is a story, asked about as a risk: "l'an dernier j'ai eu un abcès,
# je suis guérie : c'était de la malchance ?"
PAST_RESOLVED = _rx(
    r"\b(last year|years? ago|months? ago|l'an dernier|l'an passe|l'annee (derniere|passee)|"
    r"il y a (\d+|deux|trois|quatre|quelques|plusieurs) (ans|annees|mois))\b.{0,250}"
    r"\b(fine now|ok now|okay now|all good now|healed|recovered|gueri\w*|tout va bien|ca va (bien|mieux) (maintenant|aujourd'hui)|"
    r"c'est (passe|fini|regle)|resolved|cicatrise\w*)",
    r"\b(le mois dernier|last month|la semaine derniere|last week|l'an dernier|last year)\b.{0,150}"
    r"\b(c'?est parti|parti tout seul|partie toute seule|went away|gone away|disparu|disappeared|resorbe\w*)\b",
)

# "pas de fièvre, rien d'autre": a sign denied is not reported
NEGATED_SIGN = re.compile(
    r"\b(pas de|pas d'|sans|aucune?|no|without|not any|never had) (fievre|fever|frissons|chills|pus|temperature|"
    r"gonflement|swelling|douleur|pain|rougeur( qui s'etend| qui s'elargit)?|spreading redness|redness( spreading)?)\b"
)

# A cold sore is herpes, no fever: "un bouton de fièvre et mes injections demain"
COLD_SORE = re.compile(r"\bboutons? de fievre\b|\bcold sores?\b|\bfever blisters?\b")
# a vaccine or disease named after a fever is no fever ("le vaccin contre la fièvre jaune")
FEVER_NAMED = re.compile(r"\bfievre jaune\b|\byellow fever\b|\bscarlet fever\b|\bhay fever\b|\brhume des foins\b")

# A pregnant patient asking whether she may start a medicine is not yet exposed to it: the documents' warning answers
# her ("Je suis enceinte de 7 mois, je peux mettre du gel X ?"); one already taking it is an emergency.
ASKS_BEFORE_USE = re.compile(
    r"\b(je peux|j'?peux|puis-je|je pourrais|on peut|peut-on|ai-je le droit d|can i|could i|may i|"
    r"is it (ok|okay|safe|alright) to|am i allowed to) (quand meme |toujours |still )?(prendre|mettre|utiliser|"
    r"appliquer|commencer|me mettre|avoir|me faire|faire|recevoir|y aller|le faire|la faire|les faire|take|use|apply|"
    r"start|put|have|get|receive|go ahead|go)\b"
)
CURRENT_USE = re.compile(
    r"\b(je prends|je prend|j'?prends|je suis sous|j'?suis sous|j'ai pris|j'ai commence|j'en prends|je continue|"
    r"continuer|arreter|i'?m on|i am on|i took|i'?ve been (taking|on|using)|i am taking|i'?m taking|keep taking|"
    r"stop taking|sous traitement|pendant (mon|le|ce) traitement|depuis \d|depuis (des|quelques|plusieurs))\b"
)
# A pregnancy planned, not begun ("avec mon compagnon on voudrait un enfant l'an prochain, comment préparer cette
# grossesse ?"): a question on preparing it, no emergency, unless a pregnancy now is told beside it
PLANNED = re.compile(
    r"\b(on voudrait|nous voudrions|je voudrais|on veut|je veux|we want|i want|we'?d like|i'?d like) (un enfant|un bebe|"
    r"avoir un (enfant|bebe)|tomber enceinte|a baby|to have a baby|to get pregnant|to start a family)\b|"
    r"\bpreparer (cette|une|ma|la|notre) grossesse\b|\bprojet (de grossesse|bebe|d'enfant)\b|"
    r"\benvisag\w* (une|de|la) grossesse\b|\bessa\w* d'avoir un (enfant|bebe)\b|"
    r"\b(planning|plan) (a|to get|to become) pregnan\w*|\btrying (to conceive|for a baby|to get pregnant)\b"
)
PREGNANT_NOW = re.compile(
    r"\b(je suis|j'?suis|chui|elle est) enceinte|\btest (de grossesse )?(est )?positif|\bpositive (pregnancy )?test|"
    r"\b(i'?m|i am|she'?s|she is) pregnant\b|\bretard de regles|\b(my )?period is late\b|\blate period\b"
)
HYPOTHETICAL = re.compile(
    r"\b(et )?si (jamais )?(je suis|j'etais|je tombe|je tombais|elle est|on est|une femme est) enceinte|"
    r"\b(what )?if (i|she|someone|somebody|a woman|you) (am|is|get|gets|got|become|becomes|were|was) pregnant|"
    r"\bhypothetic\w*.{0,80}pregnant|\bhypothetique\w*.{0,80}enceinte"
)

# Questions the corpus cannot answer whatever the passages: chatter, recommendations of a product or a practitioner.
# Medicines and conditions the corpus does not know are found from the corpus profile
# (bot.profile.CorpusProfile.unknown_terms), and aspects a corpus may or may not cover (storage, compensation,
# supplements, other procedures) from the retrieved passages (bot/safety.yaml `aspects`): never listed here.
UNCOVERED = _rx(
    r"\b(quelle?s?|which|what)\b.{0,10}\b(creme solaire|ecran solaire|sunscreen|spf)\b.{0,20}\b(prendre|choisir|use|buy|acheter|best|meilleur)",
    r"\b(which|what|quelle?s?)\b.{0,20}\b(lip balm|baume|creme|cream|moisturi\w*|brand|marque|lotion)\b.{0,30}"
    r"\b(best|meilleure?s?|works?|marche)\b",
    r"\b(best|meilleure?s?)\b.{0,20}\b(lip balm|baume|creme|cream|moisturi\w*|brand|marque|lotion|serum|sunscreen|spf|ecran solaire)\b",
    r"\b(nom d'un|nom de|name of a|names of) (bons? |good )?(praticiens?|practitioners?|dermato\w*|medecins?|doctors?|cabinets?|cliniques?|clinics?)\b",
    r"\b((instagram|tiktok|insta|twitter|social media) handles?|pseudos?|noms? des comptes|account names|usernames?)\b|\b(which|what|quels?) (instagram |tiktok |insta |social media )?(accounts|comptes)\b",
    r"\b(meilleure?s?|best|bon|bonne|good)\b.{0,10}\b(dermato\w*|medecin|doctor|clinique|clinic|praticien|practitioner|institut|cabinet|centre|center)\b.{0,40}"
    r"\b(sur|a|in|near|pres de|autour de|around)\b",
    r"\b(vous|tu) (me )?(conseill\w*|recommand\w*) (laquelle|lequel|lesquel\w*)\b|\b(quelle?|which) (pilule|pill|contracepti\w*|marque|brand)\b.{0,30}\b(meilleure?|best)\b",
    r"\b(vous|tu) me (conseill\w*|recommand\w*)\b.{0,40}\b(traitement|creme|produit|medicament|pommade|gel)\b|"
    r"\b(traitement|creme|produit|medicament|pommade|gel)\b.{0,30}\b(vous|tu) me (conseill\w*|recommand\w*)\b",
    r"\b(what|which) (treatment|cream|product|medication|medicine)\b.{0,30}\b(would|do|can) you recommend\b",
    # the best treatment for something: a recommendation, which no document makes for a patient
    r"\b(le mieux|le mieu|le meilleur|la meilleure|les meilleurs|the best|what'?s best|what works best)\b.{0,40}\b(contre|pour|for|against)\b",
    r"\b(baume|creme|savon|marque|lotion|serum|balm|cream|moisturi\w*|brand|sunscreen|stick)\b.{0,50}"
    r"\b(conseill\w*|recommand\w*|recommend\w*|suggest\w*)",
    r"\b(conseill\w*|recommand\w*|recommend\w*|suggest\w*)\b.{0,30}\b(baume|creme|savon|marque|lotion|serum|balm|cream|"
    r"moisturi\w*|brand|sunscreen)\b",
    r"\b(quel|quelle|which|what)\b.{0,10}\b(clinique|clinic|institut|cabinet|praticien|practitioner|dermato\w*|medecin|doctor|"
    r"specialiste)\b.{0,40}\b(conseill\w*|recommand\w*|recommend\w*|suggest\w*)",
    r"\b(recommand\w*|recommend\w*|conseill\w*|suggest\w*|connai\w*)\b.{0,30}\b(bon|bonne|good|best|meilleure?s?|serieux)\b.{0,20}"
    r"(dermato\w*|medecin|doctor|praticien|practitioner|clinic|clinique|institut)",
    OFF_TASK.pattern,
)

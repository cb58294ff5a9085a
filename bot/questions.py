"""What kind of message a patient sent, from general French and English wording (no corpus knowledge):
small talk (greetings, thanks, "who are you?"), a broad question on the risks of something, a yes/no question."""

from __future__ import annotations

import re

from bot.text import normalize

# Words a message of pure small talk is made of: greetings, thanks, goodbyes, agreement, and their SMS forms.
SMALL_TALK_WORDS = frozenset(
    """bonjour bonsoir salut coucou hello hi hey yo re slt cc bjr bsr wesh merci mercii beaucoup bcp thanks thank
    thx ty you u so much a lot lots vraiment infiniment ok okay oki okk d accord dac daccord bien compris parfait super top
    cool genial nickel tres bon bonne journee soiree nuit au revoir bye goodbye see ya later a plus tard bientot
    ciao adieu tchao good great nice perfect got it alright fine sounds je vois entendu oui yes non no madame
    monsieur docteur doc la le les pour tout votre ton aide help info infos reponse reponses answer answers et
    and c est cest ca sa va comment how are you vous tu tres tranquille xd lol mdr ah oh hmm hum ben bah eh cheers
    bisous biz ciao plus morning evening afternoon day""".split()
)
META = re.compile(
    r"^\W*((bonjour|bonsoir|salut|coucou|hello|hi|hey|yo|slt|cc|et (vous|toi|you)|and you|au fait)\W+)?(qui (es|etes)[- ]?(tu|vous)|t'?es qui|tu es qui|vous etes qui|who are you|what are you|"
    r"(que|qu'est-ce que) (sais|savez|connais|connaissez)[- ]?(tu|vous)|tu sais quoi|tu connais quoi|"
    r"what do you know|what can you (do|tell me)|what can you help( me)? with|"
    r"what (kind|sort|type)s? of (questions?|things?) (can|do) you (answer|help with|handle)|"
    r"(quel|quels|quelle|quelles) (genre|type|sorte)s? de questions?|quelles questions (tu|vous|peux|pouvez)|(tu|vous) (fais|faites|sers|servez) (a )?quoi|"
    r"(a|à) quoi (tu sers|servez-vous|sers-tu)|c'?est quoi (ce|ton) (bot|chatbot|site|service|assistant)|what(?:'s| is) (this|the|your) (bot|chatbot|site|service|assistant)|"
    r"(tu|vous) (peux|pouvez) (m'aider|repondre a quoi)|how (can|do) you help|comment (ca|ça) marche|"
    r"(tu|vous) (es|est|etes) (un|une) (robot|bot|humain|ia|vraie personne|vrai medecin|medecin|docteur|pharmacien\w*)|are you a (doctor|pharmacist)|t'?es (un|une) (robot|bot|humain|ia)|"
    r"vous savez quoi|vous connaissez quoi|"
    r"are you (a bot|human|a robot|an ai|real)|(wat|what|who) r (u|you)|who am i (talking|speaking|chatting) (to|with)|"
    r"who is this|a qui (je parle|est-ce que je parle|ai-je affaire)|je parle a qui|je parle avec qui)\b[^.?!]{0,40}[.?!]*\W*$"
)
# Opening a chat without asking yet: "Hello! Can you help me?", "Bonjour, j'aurais quelques questions sur les
# médicaments", "je peux vous poser une question ?" (no colon: "j'ai une question : c'est dangereux ?" asks)
OPENING = re.compile(
    r"^\W*((bonjour|bonsoir|salut|coucou|hello|hi|hey|slt|cc|bjr)\W+)?((can|could|would) you (please )?help( me| us)?|"
    r"(pourriez|pouvez|peux|pourrais)[- ]?(vous|tu)? ?m'aider|"
    r"(j'?aurais|j'?ai|jai|i have|i'?ve got|i got|i'?d have) (juste )?(une|quelques|des|plusieurs|deux|trois|a few|some|a|"
    r"several|one|two) (petites? |little |quick )?questions?|"
    r"((je peux|puis-je|est-ce que je peux|can i|could i|may i) (vous |te |you )?(poser|ask)( you)? (une|des|quelques|a|some|"
    r"a few) (petites? |quick )?questions?))\b[^.?!:]{0,40}[.?!]*\W*$"
)
_WORD = re.compile(r"[a-z]+")

BROAD = re.compile(
    r"\b(quels? (sont|est) (les |le )?(risques?|dangers?|effets? (indesirables|secondaires)|consequences)|"
    r"(les|des) (risques?|dangers?) (de|du|des|d'|avec|pour|sous)|c'?est (dangereux|risque|grave|nocif)|"
    r"\best(-ce)? (que )?(c'est |ce |il |elle )?(dangereux|risque|nocif)|dangereu(x|se) (le|la|les|l'|ce|cette|pour)|"
    r"c (dangereux|dangereu|grave|risque)|danger (de|du|des)|risks? (of|with)|dangers? of|side effects? of|"
    r"is (it|this|that|\w+) (a )?(dangerous|risky|safe)\b|what are the (risks|dangers|side effects)|"
    r"what (do|should) i (need to )?know|que (dois-je|faut-il) savoir|ce qu'il faut savoir|quels effets|"
    # what a document says or decided on something, what to watch for, what it is
    r"(qu'est-ce qu'|que |qu')(il faut|on doit|je dois|dois-je|faut-il|on doit) (savoir|surveiller)|"
    r"(ce qu'il faut|ce que je dois|ce qu'on doit|what (do|should) (i|we)) (savoir|surveiller|watch|monitor)|"
    r"(les|des|quels?) effets (indesirables|secondaires)|quels? dangers?|what could go wrong|"
    r"\bque dit\b|qu'est-ce que dit|what (does|did) .{1,50} (say|decide|conclude|recommend)|"
    r"qu'est-ce qu[ei]l?s? (a|ont) (ete )?(decide|change|demande|conclu|recommande)|qu'(a|ont)-t?-?(il|elle|ils)? ?(decide|conclu)|"
    r"qu'est-ce qui a (ete decide|change)|qu'est-ce que (le |la |les |l')?[\w' -]{1,40} (a|ont) (ete )?(decide|change|demande|conclu|recommande)|"
    r"comment (ca|ça) se passe|^\W*c'?(est)? ?(koi|quoi) (la|le|les|l')\s?[\w-]+( exactement)?\W*$)"
)
YES_NO = re.compile(
    r"^\W*(est-ce que|est ce que|esque|es que|peut-on|puis-je|dois-je|faut-il|c'est vrai|c vrai|is it|are|can|does|"
    r"do|should|will|is|has|have)\b|\b(est-(il|elle|ce)|peut-(il|elle|on)|va-t-(il|elle)|(ca|ça) (fait|peut|marche)|"
    r"c'?est (vrai|efficace|sur|dangereux|possible|grave|normal|bon))\b.*\?\s*$"
)


LOW_MOOD = re.compile(
    r"\b(je me sens|je suis|jsuis|jsui|chui|jme sens|j'ai|jai|i feel|i'?m|i am|i have been|been feeling|feeling|il est|elle est|il a l'air|"
    r"elle a l'air|(he|she)'?s( been)?|(he|she) (is|seems|has been))\b.{0,25}\b(down|deprime\w*|"
    r"triste|pas bien dans ma tete|a plat|sad|low|depressed|blue|moody|pas le moral|le moral a zero|plus le moral|"
    r"renferme\w*|withdrawn)\b|"
    r"\b(pas le moral|moral (a zero|dans les chaussettes|en berne|bas)|mood (is )?(low|down|changes?)|je pleure|"
    r"(plus|plu) envie de rien|envie de rien|(lost|lose|losing) interest in (everything|anything)|"
    r"pleure (souvent|tout le temps|beaucoup)|(cries|crying) (a lot|all the time))\b"
)
# Any hint of dark or suicidal thoughts: low mood with one of these is never taken for low mood alone.
DARK_THOUGHTS = re.compile(
    r"\b(en finir|finir|mourir|mort|disparaitre|me tuer|tuer|suicid\w*|idees? noires?|plus (la peine|simple|"
    r"envie de vivre)|a quoi bon|sans moi|me faire du mal|end it|ending it|kill|die|dying|dead|better off|not be here|"
    r"no point|hurt myself|give up|hopeless|desespere\w*)\b|"
    # the thought of swallowing all one's pills, of making it stop
    r"\b(avaler|prendre|take|swallow)\b.{0,10}\b(toute?s? (ma|la|mes|les|une) (boite|plaquette|medicaments|comprimes|cachets)|"
    r"all (of )?(my|the) (pills|tablets|meds)|the whole (box|bottle|pack))|\bpour que (ca|tout) s'arrete|\bmake it (all )?stop\b"
)


def reports_low_mood(text: str) -> bool:
    """Whether a patient says they feel down ("je me sens un peu déprimée", "I've been feeling low"), and no more:
    any hint of dark thoughts ("des fois je me dis que ce serait plus simple d'en finir") is not low mood alone."""
    folded = normalize(text)
    return bool(LOW_MOOD.search(folded)) and not DARK_THOUGHTS.search(folded)


# Other changes of mood or behaviour the documents warn of: anxiety, irritability, aggressiveness, nightmares.
MOOD_CHANGE = re.compile(
    r"\b(je me sens|je suis|jsuis|jsui|chui|jme sens|i feel|i'?m|i am|i have been|been feeling|feeling|il est|elle est|"
    r"(he|she)'?s( been)?|(he|she) (is|seems|has been))\b.{0,25}\b(anxieu\w*|angoisse\w*|anxious|irritable|nerveu\w*|"
    r"agressi\w*)\b|"
    r"\b(je fais|jfais|j'ai|jai|i have|i'?ve been having|i keep having|il fait|elle fait|(he|she) (has|keeps having)) "
    r"(des |de |beaucoup de |plein de )?(cauchemars|nightmares|crises d'angoisse|panic attacks|attaques de panique)\b"
)


def reports_mood_change(text: str) -> bool:
    """Whether a patient tells of low mood or another change of mood the documents warn of ("je fais des cauchemars
    et je suis très anxieux"), and no dark thoughts: a question on their medicine's warning, not distress."""
    folded = normalize(text)
    return bool(LOW_MOOD.search(folded) or MOOD_CHANGE.search(folded)) and not DARK_THOUGHTS.search(folded)


SOCIAL = frozenset(
    """bonjour bonsoir salut coucou hello hi hey merci mercii mrc mci mrci thanks thank thx ty ok okay oki okk k kk dac daccord
    accord bye goodbye revoir super top parfait cool genial nickel slt cc bjr bsr great nice perfect alright ciao
    tchao yo wesh entendu compris lol mdr bientot adieu rassure rassurant journee soiree weekend cheers bisous""".split()
)
# social words that make a greeting only in a message of small-talk words ("good" in "good, I took 10 pills" does not)
SOCIAL_ALONE = frozenset({"good", "fine", "got", "re"})


# Thanks with what the patient will do next, asking nothing: "merci, j'appelle le service", "ok I'll call my GP, thanks"
THANKS_THEN_PLAN = re.compile(
    r"^\W*(ok\w*|d'?accord|super|merci\w*|thanks?|thank you|thx)\b.{0,20}\b(je vais|jvais|j'?appelle|je l'?appelle|je prends|"
    r"je prend|j'en parle|je contacte|on appelle|i'?ll|i will|going to|gonna|(i'?m|we'?re|i am|we are) calling|we'?ll)\b[^?]*$|"
    r"\b(je vais|jvais|j'?appelle|je l'?appelle|j'en parle|je contacte|on appelle|i'?ll|i will|(i'?m|we'?re) calling|we'?ll)\b"
    r"[^?]{0,60}\b(merci\w*|thanks?|thank you|thx)\W*$"
)


def is_small_talk(text: str) -> bool:
    """A message with no question of its own: greetings, thanks, goodbyes, "ok", "qui êtes-vous ?"; also a short
    remark around them ("ok merci je l'appelle", "merci ça me rassure"). The assistant checks besides that no
    emergency is told in it (bot.assistant), so "merci, je veux mourir" is never small talk.

    >>> is_small_talk("ok super, merci beaucoup !"), is_small_talk("merci, et pendant la grossesse ?")
    (True, False)
    """
    text = re.sub(r"(?i)\b[aà]\s?\+", "à bientôt", text)  # "a+"
    folded = re.sub(r"([a-z])\1{2,}", r"\1", normalize(text))  # "merciii", "okkkk"
    if META.search(folded) or OPENING.search(folded):
        return True
    sentences = [m.group(0) for m in re.finditer(r"[^.?!]+[.?!]*", folded) if _WORD.search(m.group(0))]
    if len(sentences) > 1 and all(META.search(s) or is_small_talk(s) for s in sentences):
        return True  # "Qui êtes-vous ? Vous êtes un médecin ?", "Bonjour ! Merci pour tout."
    words = _WORD.findall(folded)
    if not words or len(words) > 12:
        return False
    # small-talk words only, one of them social: "et" or "ça" alone is no greeting
    if all(w in SMALL_TALK_WORDS for w in words) and any(w in SOCIAL or w in SOCIAL_ALONE for w in words):
        return True
    # a short remark around thanks or a greeting, asking nothing
    others = [w for w in words if w not in SMALL_TALK_WORDS and w not in SOCIAL]
    if THANKS_THEN_PLAN.search(folded) and "?" not in folded and len(words) <= 12:
        return True  # "merci, j'appelle ma dermato", "ok je vais voir un médecin alors, merci"
    return any(w in SOCIAL for w in words) and "?" not in folded and len(others) <= 4 and len(words) <= 8


def is_meta(text: str) -> bool:
    """A question on the assistant itself ("qui es-tu ?", "what do you know?"), or a chat's opening that asks nothing
    yet ("can you help me?"): both are told what the corpus covers."""
    folded = normalize(text)
    return bool(META.search(folded) or OPENING.search(folded))


# A question after one precise fact (where, when, how much, how long...): not broad, even when it speaks of risks.
PRECISE = re.compile(
    r"^\W*(where|when|quand)\b|\b(how (much|many|long|often|soon)|which (one|dose)|combien|ou (est-ce que|puis|peut|peux|"
    r"dois|faut|trouver|acheter|signaler|declarer)|a partir de quel|au bout de combien|jusqu'a quand|report|signaler|declarer)\b"
)


def is_precise(text: str) -> bool:
    """A question after one precise fact ("combien de jours ?", "where can I report it?"): never answered broadly."""
    return bool(PRECISE.search(normalize(text)))


def is_broad(text: str) -> bool:
    """A broad question on the risks of something ("quels sont les risques de X ?", "c dangereux X ?"), or on all a
    document says of it ("que dit l'ANSM sur X ?"), not one after a precise fact ("where can I report a side effect?").

    >>> is_broad("c'est dangereux le tramadol ?"), is_broad("combien de jours au maximum ?")
    (True, False)
    """
    return bool(BROAD.search(normalize(text))) and not is_precise(text)


# A patient checking a claim they heard or read ("sur un forum ils disent que ..., c'est vrai ?", "... sans risque, non ?")
CLAIM_CHECK = re.compile(
    r"\b(c'?est vrai|c vrai|vrai ou faux|est-ce vrai|is (it|that|this) true|true or false|mythe?s?|legende|il parait|"
    r"parait[- ]il|on (m'a |nous a )?dit|on dit|j'?ai (lu|entendu|vu)|(ils|elles|gens) disent|(il|elle) dit|disent que|"
    r"affirm\w*|pretend\w*|forums?|reseaux sociaux|tiktok|instagram|insta|influenceu\w*|youtubeu\w*|internet|"
    r"i (read|heard|saw)|(she|he|they|people) (says?|said|claims?|claim)|claims?|bonne idee|good idea|"
    r"(dit|disent|affirme|assure|soutient) qu|(a|ont) raison|(is|are) (he|she|they) right|c'?est bien ca)\b|"
    r"(,|\b(ou|or)) (non|pas|not|right)\s*\?\s*$"
)


def checks_claim(text: str) -> bool:
    """Whether a question checks a claim heard or read ("une influenceuse conseille ..., c'est une bonne idée ?").

    >>> checks_claim("Les stylos sans aiguille, c'est sans risque, non ?"), checks_claim("C'est quoi le baclofène ?")
    (True, False)
    """
    return bool(CLAIM_CHECK.search(normalize(text)))


def is_yes_no(text: str) -> bool:
    """A question that expects yes or no ("Est-ce que ça fait repousser les cheveux ?")."""
    return bool(YES_NO.search(normalize(text)))


# A turn that only asks why ("pourquoi ?", "pk ?", "why?", "how come?"): it asks the reason for what was just said.
WHY = re.compile(
    r"^\W*(et |mais |ah |ok |so |but )?(pourquoi|pourkoi|pkoi|pk|pq|why|how come|pour quelle raison|comment ca se fait)"
    r"( (ca|donc|alors|so|that|is that|not|pas|exactement|exactly))?\W*$"
)


def asks_why(text: str) -> bool:
    """Whether a turn asks only why, of what was said before it.

    >>> asks_why("pourquoi ?"), asks_why("Why?"), asks_why("pourquoi ce médicament est risqué ?")
    (True, True, False)
    """
    return bool(WHY.match(normalize(text)))

"""Does a source's sentence refute the figure it mentions? The words of the figure check that say so.

A figure a source mentions is not a figure it states: "not 4,000", "denied that 4,000 had left",
"well below the $410 million figure circulated by officials", "the claim that 4,000 were
evacuated is false". These patterns read the figure's own clause (back to a clause break, on to
the next one) and say whether it denies, disputes or refutes the figure; figures.py asks them for
every figure that agrees with the claim's, so a refuting mention is never reported as a match.
"""

from __future__ import annotations

import re

from factcheck.sources.crosslang import refuted_rtl
from factcheck.sources.figure_clauses import denied_report, earlier_version, rated_false
from factcheck.sources.figure_followup import refuted_after

__all__ = ["REFERENCE_BEFORE", "refuted"]

# Words before the figure, in its own clause, that deny or refute it: "not 4,000", "denied that
# 4,000 had left", "well below the $410 million figure", "the false claim that 4,000 ...".
_REFUTE_BEFORE = re.compile(
    # "not until 2019", "never before", "far from falling", "contrary to forecasts", "no doubt": emphasis, no denial.
    r"\b(?:not(?!\s+(?:only|just|least|merely|quite|until|since|yet|long|far)\b)|never(?!\s+before)|nor|no\s+evidence|"
    r"no\s+sign|nowhere\s+(?:near|close)|far\s+from(?!\s+\w+ing\b)|n't|denied|deny|denies|denying|disput(?:e|ed|es|ing)|"
    r"reject(?:ed|s|ing)?|dismiss(?:ed|es|ing)?|refut(?:e|ed|es|ing)|debunk(?:ed|s|ing)?|"
    r"contrary\s+to(?!\s+(?:expectations|forecasts|predictions|fears|hopes|analysts|economists))|"
    r"rather\s+than|instead\s+of|false(?:ly)?|wrong(?:ly)?|incorrect(?:ly)?|mistaken(?:ly)?|erroneous(?:ly)?|"
    r"untrue|exaggerat\w*|inflated|overstat\w*|unfounded|unsubstantiated|baseless|myth|rumou?r\w*|hoax|fake|"
    r"(?<!no\s)(?<!little\s)doubts?|doubted|question(?:ed|s|ing)|challeng(?:ed|es|ing)|misleading|retract\w*|"
    # "rebutted", "played down reports of", "walked back", "it is absurd to suggest", "nothing like".
    r"(?:nobody|no\s+one|few)\s+(?:[\w'’-]+\s+){0,4}?(?:believes?|accepts?|thinks?)|stopped\s+(?:citing|using|quoting)|"
    r"contradict\w*|at\s+odds\s+with|inconsistent\s+with|no\s+record\s+of|cannot\s+be\s+true|poured\s+scorn|"
    r"rebut\w*|play(?:ed|s|ing)?\s+down|downplay\w*|walk(?:ed|s|ing)?\s+back|backtrack\w*|roll(?:ed|s)?\s+back|"
    r"disprov\w*|discredit\w*|scotch\w*|rubbish\w*|derid\w*|scoff\w*|lambast\w*|pooh-pooh\w*|"
    # "brushed aside reports that ...", "laughed off the organisers' 50,000 estimate".
    r"brush(?:ed|es|ing)?\s+aside|laugh(?:ed|s|ing)?\s+off|shrug(?:ged|s|ging)?\s+off|wav(?:ed|es|ing)\s+(?:away|aside)|"
    r"swat(?:ted|s|ting)?\s+away|"
    # "Nobody at the department would stand behind the $300 million figure".
    r"(?:nobody|no\s+one|none)\s+(?:[\w'’-]+\s+){0,5}?(?:would|will|could|can|was\s+(?:prepared|willing)\s+to)\s+"
    r"(?:stand\s+(?:behind|by)|vouch\s+for|defend|endorse)|"
    r"bears?\s+no\s+(?:relation|resemblance)|bore\s+no\s+(?:relation|resemblance)|"
    # "unable to confirm the 300 arrests", "despite the mayor's insistence that 4,000 ...", "backed away from".
    r"(?:unable|failed|impossible)\s+to\s+(?:independently\s+)?(?:confirm|verify|substantiate|corroborate|trace|prove|"
    # "prosecutors had failed to prove their allegation that he diverted €2.7 million": support withheld on evidence.
    r"establish|demonstrate|back\s+up|support|justify)|"
    # (The figure must follow at once: "Despite the mayor's claims that the city was safe, 19 died" states it.)
    r"(?:despite|notwithstanding)\s+(?:[\w'’-]+\s+){0,3}?(?:insistence|claims?|assertions?|assurances?|boasts?)\s+"
    r"(?:that|of)\s*(?:the\s+)?$|"
    r"(?:back(?:ed|s|ing)?\s+(?:away|down)|retreat(?:ed|s|ing)?|distanc(?:ed|es|ing)\s+(?:itself|himself|herself|themselves))"
    r"\s+from\s+(?:the|its|their|his|her|an?|that|this)?\s*(?:[\w'’-]+\s+)?$|quash\w*|disavow\w*|contest(?:ed|s|ing)|fabricat\w*|speculat\w*|"
    r"misinformation|disinformation|absurd|ridiculous|preposterous|laughable|nonsense|groundless|no\s+truth|"
    r"nothing\s+like|anything\s+like|(?:cast|casts|casting|poured|pours|pouring)\s+(?:doubt|cold\s+water)|"
    # "undercut claims that ...", "belies the 4,000 figure", "rules out the 72m euros figure".
    r"undercut\w*|undermin\w*|belie[sd]?|belying|rul(?:e|es|ed|ing)\s+out|"
    # "found no trace of the 8,000 families", "took the claim of 8,000 with scepticism", "disowned".
    r"no\s+trace\s+of|no\s+sign\s+of|no\s+(?:mention|evidence|record)\s+(?:at\s+all\s+)?of|s[ck]eptic\w*|unverifi\w*|disown\w*|"
    r"(?:took|takes|taking)\s+issue|no\s+(?:basis|foundation)|(?:a|one)\s+(?:half|quarter|third|fifth|tenth|fraction)\s+of\s+the\b|"
    r"half\s+(?:of\s+)?the\b|"
    # "rebuked the minister for saying crime had fallen 20 percent", "there was no £90m profit".
    r"(?:rebuk|reprimand|criticis|criticiz|censur|chastis|ridicul|mock|slam|condemn|correct)\w*\s+(?:[\w'’-]+\s+){0,4}?"
    r"for\s+(?:saying|claiming|suggesting|asserting|stating|repeating)|\bno\s*$|"
    r"(?:below|above|(?<!just\s)(?<!barely\s)(?<!slightly\s)(?<!narrowly\s)short\s+of|than|beyond)\s+"
    r"(?:the|a|an|its|their|earlier|previous|initial|official|widely)\b|"
    r"(?:(?:far|well|way|much|a\s+long\s+way)|\b(?:fell|falls|fall|falling|came|comes|coming))\s+short\s+of\s*$|"
    # A figure superseded by a revision: "an earlier estimate of 4,000", "revised down from 4,000".
    r"\b(?:far|much|well)\s+(?:fewer|less|lower)\s+than\b|\b(?:less|more)\s+than\s+(?:half|a\s+third|a\s+quarter|twice)\b|"
    # "withdrew the 5.2 per cent unemployment figure": the figure is what was withdrawn.
    r"\b(?:withdr[ae]w\w*|retract\w*|scrapp?\w*|correct\w*|dropp(?:ed|ing)|abandon\w*)\s+(?:its|their|his|her|an?|the)\s*$|"
    r"\b(?:withdr[ae]w\w*|retract\w*|dropp(?:ed|ing)|abandon\w*)\s+(?:its|their|his|her|the)\s+(?:claims?|estimates?|figures?)\s+of\s*$|"
    r"\b(?:withdr[ae]w\w*|retract\w*|correct\w*)\s+(?:its|their|his|her|an?|the)\s+(?:[\w-]+\s+)?"
    r"(?:statements?|claims?|figures?|reports?|estimates?|tolls?|numbers?|counts?|totals?|tally|tallies)\b|"
    # "the claimed 9 per cent fall", "the alleged 300 arrests": a figure someone else gave, set up to be disputed.
    # "the claimed savings of £300 million", "the much-vaunted 5,000 new posts".
    r"\b(?:the|a|an|its|their|this|his|her)\s+(?:claimed|alleged|purported|supposed|so-called|touted|vaunted|"
    r"much-vaunted|much-touted|trumpeted)\s+(?:[\w'’-]+\s+){0,2}?(?:of\s+)?$|"
    r"(?:earlier|early|initial|previous|original|preliminary|first)\s+(?:estimates?|figures?|counts?|tolls?|reports?|tallies|"
    r"statements?|claims?|assertions?|"
    r"tally|numbers?)\b|revised\s+(?:[\w-]+\s+){0,6}?(?:down|up|downwards|upwards)?\s*from|"
    # "While the mayor claimed 4,000 ...": a concession the sentence goes on to answer.
    r"\b(?:while|although|though|whereas)\s+(?:[\w'’-]+\s+){0,5}?(?:claim\w*|insist\w*|boast\w*|alleg\w*)\b|"
    # "It is a stretch to say 600 homes were lost", "it is wrong to suggest that ...": the saying judged.
    r"\b(?:is|was|it['’]s|would\s+be)\s+(?:(?:simply|plainly|clearly|quite|also)\s+)?(?:a\s+(?:bit\s+of\s+a\s+)?stretch|"
    r"an?\s+(?:exaggeration|overstatement)|misleading|wrong|false|untrue|not\s+true|inaccurate|incorrect|nonsense|"
    r"absurd|unfair|premature)\s+to\s+(?:say|claim|suggest|argue|assert|report|state)\b)"
    r"(?!\w)"  # whole words: "nor" is not "Norland", "not" not "noted"
)
# Words after the figure, in its clause, that do the same: "4,000 ... is false", "the 4,000 figure
# circulated online", "4,000 people did not leave".
_REFUTE_AFTER = re.compile(
    r"\b(?:(?:is|was|were|are|has\s+been|have\s+been|had\s+been|proved|proven)\s+(?:\w+\s+)?"
    r"(?:false|wrong|incorrect|untrue|inaccurate|exaggerated|inflated|overstated|misleading|unfounded|baseless|"
    r"disputed|denied|rejected|refuted|debunked|fabricated|a\s+myth|an\s+exaggeration|not\s+true|not\s+accurate|"
    r"questioned|challenged|doubted|contested|criticised|criticized)|"
    r"\b(?:inflated|exaggerated|overstated|overblown|overstates|exaggerates|inflates|overstating|exaggerating|fanciful|a\s+lie|lies|propaganda|nonsense|fiction|fabrication|"
    r"exaggeration|overstatement|understat\w*|distortion)\b|"
    # "the 400 homes reported destroyed had been a misreading", "was misreported", "given in error".
    r"(?:is|was|were|are|been)\s+(?:\w+\s+)?(?:an?\s+)?mis(?:read|report|count|calculat|stat|quot|print|typ|interpret|judg)\w*|"
    r"(?:reported|given|published|listed|stated|quoted)\s+in\s+error|"
    r"circulat\w+|rumou?red|(?:did|does|do|was|were|is|are|had|has|have)\s+not\b"
    r"(?!\s+(?:yet|immediately|been\s+(?:named|identified|released|disclosed|made\s+public)|including|counting))|"
    r"(?:didn|doesn|wasn|weren|isn|hadn|hasn)'t|"
    r"never\s+\w+ed\b|(?:was|were|is|are)\s+(?:later\s+)?(?:revised|corrected|withdrawn|retracted)|"
    r"(?:would|will|could|can)\s+never\b|never\s+(?:be|been|have|happen\w*|materiali\w*)\b|"
    r"(?:an?\s+)?(?:over|under|double)[- ]?count\w*|"
    # "... was never on the table", "... is a statistical artefact".
    r"never\s+(?:on\s+the\s+table|existed|real)|(?:is|was|were|are)\s+(?:\w+\s+)?(?:an?\s+)?(?:statistical\s+)?"
    r"(?:artefact|artifact|quirk|fluke|illusion)|"
    r"(?:has|have|had)\s+(?:since\s+|now\s+|later\s+)?been\s+(?:revised|corrected|withdrawn|retracted|lowered|downgraded|"
    r"scaled\s+back|discredited)|wide\s+of\s+the\s+mark|(?:does|do|did)\s+not\s+survive|"
    r"criticised\s+as|criticized\s+as|"
    # "the 49C reading ... should be disregarded": a figure its source tells readers to set aside.
    r"(?:should|must|ought\s+to)\s+(?:(?!not\b|never\b)\w+\s+)?be\s+(?:disregarded|ignored|discounted|discarded)|"
    # "... was rubbished by management", "bears no relation to the official count", "simply not credible".
    r"(?:is|was|were|are|been)\s+(?:\w+\s+)?(?:rubbished|ridiculed|derided|mocked|lambasted|scotched|quashed|dismissed|"
    r"discredited|disowned|rebutted|repudiated|shot\s+down|knocked\s+down|torn\s+apart)|"
    r"bears?\s+no\s+(?:relation|resemblance)|bore\s+no\s+(?:relation|resemblance)|lack(?:s|ed)?\s+(?:any\s+)?credibility|"
    r"not\s+(?:credible|plausible|believable|realistic|reliable)|implausible|unrealistic|far-fetched|"
    r"(?:pure|an?|complete|total|sheer)\s+(?:invention|fantasy|fabrication)|fantasies|fairy[- ]?tales?|thin\s+air|concocted|"
    r"made[- ]up|wishful\s+thinking|"
    r"mis(?:read(?:ing)?|print\w*|typed|typo|calculat\w*|counted|reported|quoted|interpret\w*|represent\w*)|"
    r"nowhere\s+to\s+be\s+(?:found|seen)|only\s+on\s+paper|exist\w*\s+only\s+(?:on|in)\b|"
    r"(?:wildly|hugely|overly|far\s+too|highly|absurdly)\s+(?:optimistic|generous|ambitious|inflated)|(?:walked|rolled|dialled|dialed)\s+back|(?:is|was|are|were)\s+(?:\w+\s+)?a\s+stretch|"
    r"too\s+(?:small|weak|limited|thin|flimsy|narrow)\s+to\s+(?:support|justify|sustain|bear)|"
    r"turn(?:s|ed|ing)?\s+out\s+to\s+(?:include|have\s+included|be\s+(?:wrong|false|inflated|exaggerated|padded))|"
    r"(?:was|were|been|is|are)\s+(?:\w+\s+)?(?:taken\s+down|deleted|pulled\s+down|flagged\s+as\s+(?:false|misleading))|(?:without|lacks?|lacked|lacking)\s+(?:any\s+)?(?:foundation|basis|merit|substance)|"
    r"impossible\s+to\s+(?:independently\s+)?(?:verify|confirm|substantiate|corroborate)|(?:had|has|have)\s+no\s+basis|an?\s+(?:over|under)-?estimate|"
    r"(?:over|under)-?estimat\w*|"
    # "... was an error", "reports of a €150 million fund were speculation".
    r"(?:is|was|were|are|been)\s+(?:\w+\s+)?(?:an?\s+)?(?:error|mistake|speculat\w*|guesswork|absurd|ridiculous|"
    r"nonsense|fiction|pure\s+fiction|fantasy|made\s+up|invented|not\s+(?:correct|right|the\s+case))|"
    r"(?:far|much|way|wildly|likely|probably)?\s*too\s+(?:high|low)|out\s+of\s+date|outdated|flattered|distorted|skewed|"
    r"premature|(?:was|were|is|are)\s+(?:\w+\s+)?(?:fake|bogus|phony|phoney|fictitious|not\s+real|a\s+guess)|illusion|mirage|"
    r"meaningless|unreliable|flawed|dubious|not\s+(?:backed|supported|borne\s+out)\s+by|"
    r"(?:in|by)\s+(?:early|earlier|initial|first|preliminary)\s+(?:reports?|estimates?|accounts?)|"
    r"turned\s+out\s+to\s+(?:be\s+)?(?:wrong|false|incorrect|inflated|exaggerated|overstated|include)|"
    r"(?:unlikely|never|not\s+likely)\s+(?:ever\s+)?to\s+(?:materiali[sz]e|happen|be\s+(?:met|reached|delivered|achieved|created))|"
    r"(?:does|do|did)\s+not\s+(?:stand\s+up|add\s+up|hold\s+up)|(?:doesn|don|didn)'t\s+(?:stand|add|hold)\s+up|"
    # "... have been called into question", "... could not be verified", "turned out to be a clerical error".
    r"call(?:ed|s|ing)?\s+into\s+question|(?:could|can|cannot|can't|couldn't)\s*(?:not\s+)?(?:be\s+)?(?:verified|confirmed|"
    r"substantiated|corroborated|traced|found|located|accounted\s+for|reconciled|justified)|unverifi\w*|unsupported|imaginary|illusory|call(?:ed|s)?\s+into\s+doubt|with\s+(?:some\s+|great\s+|considerable\s+)?s[ck]epticism|turned\s+out\s+to\s+be\s+(?:an?\s+)?(?:[\w-]+\s+)?(?:error|mistake|slip)|"
    # "the £90 million cost cited was far short of the true bill", "the 50,000 they announced was closer to 18,000".
    r"(?:fell|falls|fall|was|were|is|are|came)\s+(?:far|well|way|much|a\s+long\s+way)\s+short\s+of|"

    # ", a figure campaigners dispute": an appositive that disputes the figure just given.
    # "..., a statement fact-checkers found to be false", "was shown to be wrong".
    r"(?:found|judged|rated|deemed|shown|proved|proven|revealed|exposed)\s+(?:to\s+be|as)\s+(?:\w+\s+)?(?:false|wrong|"
    r"untrue|inaccurate|incorrect|misleading|exaggerated|inflated|baseless|unfounded|fabricated|an?\s+(?:\w+\s+)?"
    r"(?:exaggeration|fabrication|invention|lie))|"
    r"(?:figure|number|claim|estimate|total|tally|statement|assertion|boast|remark)\s+(?:[\w'’-]+\s+){0,3}?(?:disput\w*|den(?:y|ies|ied)|question\w*|"
    r"reject\w*|challeng\w*|doubt\w*))(?!\w)"
)
# A following sentence that refutes "that figure" without repeating it.
_REFUTE_NEXT = re.compile(
    r"\s*(?:but\s+|however,?\s+)?(?:that|this|the|such\s+a)\s+(?:figure|number|claim|estimate|total|toll|count|report|"
    r"tally)\b(?!\s+(?:that|of|about|on|for)\b)[^.!?]{0,100}?\b(?:false|wrong|incorrect|untrue|exaggerat\w*|inflated|overstated|misleading|denied|"
    r"disputed|rejected|not\s+true|not\s+accurate|not\s+correct|no\s+basis|unfounded|debunked)",
)
# Around the figure, whatever the reader took as its qualifier: "far fewer than 300", "less than half the 300".
_REFUTE_AT = re.compile(
    # "nowhere close to 1.5 million": the reader takes "close to" as the figure's qualifier.
    r"\bnowhere\s+(?:near|close)\b|\bnot\s+(?:even\s+)?(?:anywhere\s+)?(?:near|close\s+to)\b|"
    # "show nothing close to the 300 patients", "nothing approaching", "anything resembling".
    r"\b(?:nothing|not\s+anything|never\s+anything)\s+(?:even\s+)?(?:close\s+to|near|approaching|resembling|of\s+the\s+sort)\b|"
    r"\b(?:far|much|well)\s+(?:fewer|less|lower|below|under)\b|\b(?:less|more)\s+than\s+(?:half|a\s+third|a\s+quarter|twice)"
    r"\s+(?:of\s+)?the\s+[\d$£€]|\b(?:a|one)\s+(?:half|quarter|third|fifth|tenth|fraction)\s+of\s+the\s+[\d$£€]"
    r"|\bhalf\s+(?:of\s+)?the\s+[\d$£€]"
)
# Right after it, someone else's claim set against the speaker's: "the 100,000 claimed by organisers".
_CLAIMED_BY = re.compile(r"\s*(?:[\w-]+\s+){0,2}?(?:claimed|alleged|touted|trumpeted|vaunted|boasted\s+of)\s+by\b")
# "called the figure misleading", "the number was inflated" later in the figure's sentence: a noun
# standing for the figure (not one followed by a figure of its own, "the figure of 40").
_FIGURE_NOUN = (r"(?:figure|number|estimate|claim|total|tally|count|toll|statistic|numbers|figures|estimates|claims|"
                r"price\s+tag|sum|amount)")
_REFUTING_WORD = (r"['‘\"“]?(?:rubbish|ridiculous|fantasy|an?\s+invention|fiction|without\s+foundation|"
                  r"misleading|false|wrong|inaccurate|exaggerat\w*|inflated|untrue|incorrect|baseless|unfounded|"
                  r"invented|fabricated|made\s+up|overstated|an?\s+(?:gross\s+)?overestimate|not\s+true|not\s+accurate|"
                  r"not\s+correct|nonsense|absurd|flattered|distorted|a\s+lie)")
_THE_FIGURE_REFUTED = re.compile(
    rf"\b(?:call(?:ed|s|ing)?|describ(?:ed|es|ing)|brand(?:ed|s|ing)?|label(?:l?ed|s)?|dismiss(?:ed|es|ing)?)\s+"
    rf"(?:the|that|this|those|these|it)\b(?:\s+{_FIGURE_NOUN})?(?!\s+(?:of\s+)?[\d$£€])\s+(?:as\s+)?{_REFUTING_WORD}"
    rf"|\b(?:the|that|this|those|these)\s+{_FIGURE_NOUN}(?!\s+(?:of\s+)?[\d$£€])\s+(?:is|was|were|are|had\s+been|has\s+been)"
    rf"\s+(?:\w+\s+)?{_REFUTING_WORD}"
)
# Right after it: "the $12.5 million price tag cited by critics".
_CITED_BY_CRITICS = re.compile(r"\s*(?:[\w-]+\s+){0,2}?(?:cited|quoted|given|used)\s+by\s+(?:its\s+|the\s+)?(?:critics|opponents|"
                               r"campaigners|activists|rivals|the\s+opposition|opposition)")
# A relative clause right after the figure that disputes it: "4,000, which officials dispute",
# "4,000, a claim that the ministry denies".
_DISPUTED_AFTER = re.compile(
    r"[^.;!?]{0,40}?,?\s*(?:which|that|a\s+(?:figure|claim|number|total|estimate)(?:\s+that|\s+which)?)\s+(?:[\w'’-]+\s+){0,4}?"
    r"(?:disput\w*|den(?:y|ies|ied)|reject\w*|question\w*|challeng\w*|contest\w*|doubt\w*|refut\w*|rebut\w*)\b"
)
_CONFIRMED = re.compile(r"\b(?:nobody|no\s+one|none|not)\s+(?:\w+\s+)?(?:disput|den|question|challeng|doubt|contest)", re.I)
# "that number has never been accurate", "the figure was not reliable": a noun standing for the figure
# (not one with a figure of its own, "the figure of 40"), said never to have held.
_NEVER_HELD = (r"(?:figure|number|estimate|claim|total|tally|count|toll|statistic)s?(?!\s+(?:of\s+)?[\d$£€])\s+"
               r"(?:(?:has|have|had)\s+(?:never|not)\s+been|(?:is|was|were|are)\s+(?:never|not))\s+(?:\w+\s+)?"
               r"(?:accurate|correct|true|right|reliable|credible|real)\b")
# Later in the sentence, a correction of it: "..., but the council said the true figure was 900".
_REFUTE_LATER = re.compile(
    # "..., after it emerged that many had been counted twice", "..., making it meaningless".
    r"\b(?:counted\s+twice|double-?counted|(?:making|rendering)\s+(?:it|them|the\s+figures?)\s+(?:\w+\s+)?"
    r"(?:meaningless|misleading|worthless|unreliable|useless))\b|"
    # "..., confused paper losses with realised ones and was wrong": the figure's subject, refuted.
    r"\band\s+(?:was|were|is|are|had\s+been|has\s+been)\s+(?:\w+\s+)?(?:wrong|false|incorrect|untrue|inaccurate|misleading|"
    r"exaggerated|inflated|overstated)\b|"
    # "..., came from a faulty gauge and should be disregarded".
    r"\band\s+(?:should|must|ought\s+to)\s+(?:(?!not\b|never\b)\w+\s+)?be\s+(?:disregarded|ignored|discounted|discarded)\b|"
    # "..., although a later survey put the area at 9,800": a later count correcting the figure.
    r"\b(?:but|however|yet|although|though|while|whereas)\b[^.;!?]{0,60}?\b(?:later|subsequent|revised|final|updated|"
    r"corrected|independent)\s+(?:[\w-]+\s+){0,2}?(?:surveys?|counts?|tall(?:y|ies)|estimates?|figures?|reports?|audits?|"
    r"reviews?|assessments?|census|tolls?|investigations?)\b[^.;!?]{0,60}?\d|"
    # "..., a number that aid agencies say is greatly exaggerated", "..., though the ministry has disputed that".
    r"\b(?:a|the)\s+(?:figure|number|claim|total|estimate|count|toll|sum)\s+(?:that|which)\b[^.;!?]{0,160}?\b(?:exaggerat\w*|"
    r"inflated|overstated|false|wrong|incorrect|untrue|misleading)|\b(?:but|though|although|however|yet)\b[^.;!?]{0,60}?\b"
    r"(?:disput|den(?:y|ie)|reject|question|challeng|contest|refut)\w*\s+(?:(?:that|this|it)(?=\s*[.;,!?]|\s*$)|the\s+(?:figure|number|"
    r"claim|estimate|total|count|report|toll)\b)|"
    # "..., according to a report the ministry later disowned", "a total auditors have since revised down".
    r"\b(?:later|since|subsequently)\s+(?:disowned|retracted|withdr[ae]w|withdrawn|corrected|repudiated|revised|lowered|"
    r"downgraded|halved)\b|"
    # "..., but auditors could find only 6,000".
    r"\b(?:but|however|yet|though|although)\b[^.;!?]{0,60}?\b(?:found|find|counted|count|identified|traced|verified|"
    r"confirmed)\s+(?:only|just|barely)\s+(?:about\s+|around\s+|some\s+)?\d|"
    # "The toll of 1,200 that circulated online was disputed by ...": the figure's subject, refuted after a relative clause.
    r"\b(?:was|were|has\s+been|have\s+been|had\s+been)\s+(?:later\s+|since\s+|widely\s+|strongly\s+|quickly\s+)?"
    r"(?:disputed|denied|rejected|refuted|debunked|contested|retracted|withdrawn|never\s+substantiated|discredited)\s+by\b|"
    r"\b(?:but|however|yet)\b[^.;!?]{0,100}?\b(?:(?:true|actual|real|correct|accurate)\s+(?:figure|number|total|toll|count)"
    r"|(?:was|were|is|are)\s+(?:only|just)\s+(?:about\s+|around\s+)?\d)|"
    # "..., but engineers say that number has never been accurate", "..., but records show no such run".
    rf"\b(?:but|however|yet)\b[^.;!?]{{0,60}}?\b(?:that|this|the)\s+{_NEVER_HELD}|\b(?:but|however|yet)\b[^.;!?]{{0,60}}?"
    r"\bno\s+such\b"
)
# Later in the sentence, whatever the clause: "..., a figure the ministry says it cannot reconcile with its
# records", "...; by Wednesday his office conceded the real number was under 3,000", "..., but police put
# the crowd at 1,500", "...; aerial images suggest a fraction of that".
_COUNTERED_LATER = re.compile(
    r"\b(?:a|the)\s+(?:figure|number|claim|total|estimate|count|toll)\s+(?:that\s+|which\s+)?(?:[\w'’-]+\s+){0,6}?"
    r"(?:cannot|can't|could\s+not|couldn't|does\s+not|did\s+not|do\s+not|will\s+not|won't)\s+(?:\w+\s+)?"
    r"(?:reconcile|verify|confirm|substantiate|corroborate|support|accept|recognise|recognize|find|match|square)|"
    r"\b(?:true|actual|real|correct|accurate)\s+(?:figure|number|total|toll|count|tally)\s+(?:was|is|were|stood|stands|"
    r"being|had\s+been)\b|"
    r"\b(?:but|however|yet|though|although|whereas|while)\b[^.;!?]{0,60}?\b(?:put|puts|putting|estimat\w*|plac\w*|"
    r"counted|reckon\w*|assess\w*)\s+(?:the|its|their)\s+(?:number|figure|total|count|toll|crowd|turnout|tally|"
    r"attendance|size|cost|bill|damage)\s+(?:\w+\s+){0,2}?(?:at|as)\b|"
    + r"\b(?:a\s+fraction|half|a\s+third|a\s+quarter|a\s+tenth)\s+of\s+(?:that|this|those|it)\b|"
    # "..., organisers have offered no evidence for it", "...; in reality about 1,500 came".
    r"\b(?:offered|provided|produced|given|shown|presented)\s+no\s+(?:evidence|proof|data|basis|support)\b|"
    r"\b(?:in\s+(?:fact|reality|truth)|actually)\b[^.;!?]{0,40}?\d|"
    # "..., but the ministry insists they were exaggerated".
    r"\b(?:but|however|yet|though|although)\b[^.;!?]{0,60}?\b(?:it|they|this|that|these|those)\s+(?:is|are|was|were|had\s+been|"
    r"have\s+been)\s+(?:\w+\s+)?(?:exaggerated|inflated|overstated|false|wrong|incorrect|untrue|inaccurate|misleading|"
    r"unfounded|baseless)\b"
)
# A figure someone boasts of or claims ("Ministers had boasted of 50,000 new homes"), then answered
# with a smaller count in the same sentence ("but housing data show just 31,200 were completed").
_HEDGE_BEFORE = re.compile(r"\b(?:claim\w*|boast\w*|spoke\s+of|speaks?\s+of|talk\w*\s+of|tout\w*|trumpet\w*|alleg\w*|"
                           r"insist\w*|purport\w*)\b")
_ANSWERED = re.compile(r"\b(?:but|however|yet|whereas|while)\b[^.;!?]{0,80}?\b(?:only|just|barely|merely|no\s+more\s+than|"
                       r"fewer\s+than|at\s+most)\s+(?:about\s+|around\s+|some\s+)?[\d$£€]")
# Figures contradicted by the data: "Police data tell a different story", "paint a very different picture".
_DIFFERENT_STORY = (r"[^.!?]{0,80}?\b(?:tell|tells|told|telling|paint|paints|painted|painting|show|shows|showed)\s+"
                    r"(?:a\s+)?(?:very\s+|quite\s+|rather\s+|an?\s+|entirely\s+)*(?:different|another|other)\s+(?:story|picture)")
# The next sentence rejecting "that count" or "the figure" (not "the figure of 1,500", another one), or
# calling the crowd "a fraction of that".
_NEXT_REJECTS = re.compile(
    r"[^.!?]{0,60}?\b(?:reject\w*|dismiss\w*|disput\w*|den(?:y|ied|ies)|refut\w*|rebut\w*|question\w*|challeng\w*|"
    r"contest\w*|scotch\w*|rubbish\w*|debunk\w*|played\s+down|downplay\w*|ridicul\w*)\s+"
    r"(?:(?:that|this|those|these|such\s+an?)\s+(?:[\w'-]+\s+)?(?:figure|count|number|claim|estimate|total|tally|toll|"
    r"report|assertion|statistic)s?|the\s+(?:[\w'-]+\s+)?(?:figure|count|number|estimate|total|tally|toll|statistic)s?)"
    r"\b(?!\s+(?:of|for|at|on|in)\b|\s+[\d$£€])"
    r"|[^.!?]{0,80}?\b(?:a\s+fraction|half|a\s+third|a\s+quarter|a\s+tenth)\s+of\s+(?:that|this|it)\b"
    r"|[^.!?]{0,60}?\b(?:said|says|say|insisted|insists|insist|added)\s+(?:that\s+)?(?:this|that|it|the\s+(?:figure|claim|number|report))\s+"
    r"(?:was|is|had\s+been|were)\s+(?:\w+\s+)?(?:untrue|false|wrong|incorrect|inaccurate|exaggerated|inflated|not\s+true|a\s+lie|"
    r"nonsense|baseless|unfounded)\b"
    # "The auditor general is not convinced."
    r"|[^.!?]{0,60}?\b(?:is|are|was|were|remains?|remained)\s+(?:not\s+convinced|unconvinced)\b"
    # "Ticketing data seen by this newspaper suggest otherwise."
    r"|[^.!?]{0,80}?\b(?:suggest|suggests|suggested|show|shows|showed|indicate|indicates|indicated|say|says|said|tell|"
    r"tells|told)\s+otherwise\b"
    # "A $2 million payment? False, says the firm."
    r"|\s*['‘\"“]?(?:false|untrue|not\s+true|nonsense|rubbish|wrong|fake|a\s+lie)\s*[,.!;'’\"”]"
    # "'Twelve injured? That is simply not what happened,' ..."
    r"|\s*['‘\"“]?(?:that|this|it)(?:'s|’s|\s+is|\s+was)\s+(?:simply\s+|just\s+|absolutely\s+|completely\s+|plainly\s+)?"
    r"(?:not\s+(?:what\s+happened|true|the\s+case|correct|right|accurate)|untrue|false|wrong|nonsense|rubbish)\b"
    # "That is not what the latest figures show": the record set against what was said.
    r"|\s*['‘\"“]?(?:that|this|it)(?:'s|’s|\s+is|\s+was)\s+not\s+what\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}?(?:figures|data|"
    r"records|numbers|statistics|evidence|accounts|results|census|count)\s+(?:show|shows|showed|say|says|said|suggest|suggests)\b"
    # "An audit found just 2,300 saplings": a check that counted far fewer.
    r"|[^.!?]{0,60}?\b(?:audit|survey|count|census|inspection|inspectors|auditors|review|investigation|data|records|"
    r"analysis|images|footage|study)\s+(?:[\w'’-]+\s+){0,4}?(?:found|finds|counted|identified|showed|shows|show|recorded|"
    r"listed|traced|located)\s+(?:only|just|barely|merely|no\s+more\s+than|fewer\s+than)\s+(?:about\s+|around\s+|some\s+)?[\d$£€]"
    # "Police ... said the true number was a little over 11,000."
    r"|[^.!?]{0,80}?\b(?:true|actual|real|correct|accurate)\s+(?:figure|number|total|toll|count|tally|cost|bill|price|amount|"
    r"size|turnout|attendance)\s+(?:was|is|were|stood|"
    r"stands|had\s+been)\b"
    # "League records show no such run.", "That number has never been accurate."
    + r"|[^.!?]{0,60}?\b(?:show|shows|showed|shown|find|finds|found|contain\w*|list\w*|record\w*|was|were|is|are|been)\s+"
    r"no\s+such\b|\s*(?:but\s+|however,?\s+)?(?:that|this|the)\s+" + _NEVER_HELD
    + "|" + _DIFFERENT_STORY
)
# A sentence that reports what "the post" or "the report" said, after one calling it false: "Officials
# dismissed a viral post as false. The post claimed that 230 homes were destroyed."
_REPORTER = re.compile(r"\s*(?:the|this|that|these|those)\s+(?:[\w'-]+\s+){0,2}?(post|report|claim|video|message|rumou?r|"
                       r"story|article|statement|tweet|leaflet|image|graphic|email|letter|document|broadcast|account|estimate|study|survey|"
                       r"analysis|calculation|forecast|projection)s?\b"
                       # "It put the cost at £1bn" after "Economists questioned the lobby's estimate."
                       r"|\s*(?:it|they)\s+(?:put|puts|said|says|claimed|claims|estimated|reported|gave|suggested|stated)\b",
                       re.I)
_PREV_REFUTES = re.compile(r"\b(?:false|fake|question(?:ed|s|ing)|challeng(?:ed|es|ing)|disput\w*|"
                           r"debunk\w*|misleading|dismiss\w*|denied|deni\w*|reject\w*|untrue|hoax|"
                           r"fabricat\w*|doctored|bogus|wrong|incorrect|inaccurate|baseless|unfounded|no\s+basis|"
                           r"disinformation|misinformation)\b")
# Scare quotes: "the '4,000' figure", "the '4,000 jobs' figure".
_QUOTE_OPEN = re.compile(r"\bthe\s+['‘\"“]$")
_QUOTE_CLOSE = re.compile(r"[^'’\"”]{0,20}['’\"”]\s*(?:figure|number|claim|estimate|statistic|total|tally)\b")


def _previous_refutes(text: str, sentence_start: int) -> bool:
    """Does the sentence before this one call false the thing ("the post") this one reports?"""
    m = _REPORTER.match(text, sentence_start)
    if not m or sentence_start == 0:
        return False
    prev = text[max(0, sentence_start - 200):sentence_start].lower()
    prev = re.split(r"[.!?]\s", prev.rstrip())[-1]
    if m.group(1) is not None:
        # The refuting word must be about the thing ("dismissed a viral post as false"), near its noun.
        at = prev.find(m.group(1).lower()[:4])
        return at >= 0 and _PREV_REFUTES.search(prev[max(0, at - 50):at + 50]) is not None
    # "It put ...": the previous sentence must refute an estimate or a figure.
    named = re.search(r"\b(?:estimates?|figures?|claims?|forecasts?|calculations?|projections?)\b", prev)
    return named is not None and _PREV_REFUTES.search(prev[max(0, named.start() - 50):named.end() + 50]) is not None


# Right after it, in the same clause, a truer figure: "the 50,000 they announced was closer to 18,000"
# (the reader takes "closer to" as the second figure's qualifier, so the clause scope stops short of it).
_CLOSER_TO = re.compile(r"[^.;!?,]{0,40}?\b(?:was|were|is|are)\s+"
                        r"(?:actually\s+|really\s+|in\s+fact\s+)?(?:closer|nearer)\s+to\s+[\d$£€]")
# A figure used as a yardstick rather than stated: "compared with 4,000 last year", "down from 4%".
# ("beating forecasts of £72m", "missed its target of 5,000": the yardstick the figure is measured against.)
# ("just short of the 42,500 capacity": a near miss of a limit, which the sentence measures by and does not dispute.)
REFERENCE_BEFORE = re.compile(r"\b(?:compared\s+(?:with|to)|versus|vs\.?|against|down\s+from|up\s+from|from|"
                              r"(?:just|barely|slightly|narrowly)\s+(?:short\s+of|below|above|under|over)(?:\s+the)?|"
                              r"(?:forecasts?|expectations?|predictions?|consensus|estimates?|targets?|goals?)\s+(?:of|for))\s*$")
# Where a clause ends, for the words before a figure (the last match wins) and after it.
_CLAUSE_BREAK = re.compile(
    r"[;:()—–]|\s-\s|,\s*(?:but|while|whereas|although|though|when|after|and|as)\b|\s(?:but|and)\s"
    # "The minister denied inflating the number, insisting that 4,000 families had been rehoused".
    r"|,\s*(?:insisting|saying|adding|stressing|arguing|noting|maintaining|explaining|confirming|stating|reporting)\b"
)
# A relative clause set off by commas before the figure ("The fire, which has not been contained,
# has destroyed 1,237 homes") describes its subject and does not deny the figure.
_INSERTED = re.compile(r",\s*(?:which|who|whose|where)\b[^,]*,")
# A figure in apposition to "the figure", set off by dashes or brackets, and where the aside ends.
_NOUN_THEN_DASH = re.compile(r"\b(?:figure|number|estimate|claim|total|tally|toll|count)\s*(?:\s-|[–—(])\s*$")
_APPOSITION_END = re.compile(r"\s-\s|[–—)]")
# An aside between commas before the figure ("It is not true, as some posts claimed, that 230 ...", "It is
# false, the minister said, that ..."): the clause it interrupts goes on after it.
_ASIDE = re.compile(r",\s*(?:as\s+[^,;.]{1,60}?|(?:[\w'’-]+\s+){1,3}?(?:said|says|claimed|claim|insisted|added|noted))"
                    r"\s*,(?=\s*that\b)", re.I)
_NEXT_KEEPS = re.compile(r"[^.!?]{0,80}?(?:\b(?:no|not|nobody|none|never)\b|n't)[^.!?]{0,30}?\b(?:reject|dismiss|disput|"
                         r"den(?:y|ied|ies)|refut|question|challeng|contest|doubt|withdr)")
_SAID_ASIDE = re.compile(r",\s*(?:[\w'’-]+\s+){1,3}?(?:said|says|insisted|added|noted|claimed|argued)\s*,")
_QUOTE_MARKS = re.compile(r"['‘’\"“”](?=\w)|(?<=\w)['’\"”](?!\w)")
# "עודכן מספר ההרוגים ל-34", "رفعت الحصيلة إلى 34": the figure a count was revised to is the source's own.
_RTL_REVISED_TO = re.compile(r"(?:עודכן|עודכנה|עודכנו|הועלה|הועלתה|עלה|עלתה|תוקן|תוקנה|תוקנו|تم\s+تحديث|حدثت|"
                             r"رفعت|رفع|ارتفعت|ارتفع|عدل|عدلت|عدّل|صحح|صححت)"
                             r"[^.!?\d]{0,40}?(?:(?<![\u05d0-\u05ea])ל-?|الى\s*|إلى\s*)$")
_RTL = re.compile(r"[\u0590-\u06ff]")
_RELATIVE = re.compile(r"\b(?:who|whom|whose|which|that)\b")
_MAX_SCOPE = 90


# Before a figure, a comma and a reporting verb also start its clause: "Although the company did not
# name the plant, it confirmed 2,200 job cuts" (not after it: "The figure of 4,000, the council
# said, was wrong" must still read its "was wrong").
_BEFORE_BREAK = re.compile(_CLAUSE_BREAK.pattern + r"|,\s*(?:[\w'-]+\s+){0,3}?(?:said|says|confirmed|added|announced|told|"
                           r"reported|estimated)\b")


def _scope_before(text: str, start: int, lo: int, prev_end: int) -> str:
    """The words of the figure's clause before it (back to a clause break or the figure before)."""
    lo = max(lo, start - _MAX_SCOPE, prev_end if prev_end <= start else lo)
    window = _ASIDE.sub(lambda m: " " * len(m.group()), text[lo:start])
    cut = 0
    for m in _BEFORE_BREAK.finditer(window):
        cut = m.end()
    return _INSERTED.sub(",", window[cut:].lower())


def _scope_after(text: str, end: int, hi: int, next_start: int) -> str:
    """The words of the figure's clause after it; a relative clause ("4,000 residents who had not
    been warned") describes the things counted and does not deny the count."""
    hi = min(hi, end + _MAX_SCOPE, next_start if next_start >= end else hi)
    m = _CLAUSE_BREAK.search(text, end, hi)
    rel = _RELATIVE.search(text, end, m.start() if m else hi)
    stop = rel.start() if rel else (m.start() if m else hi)
    return text[end:stop].lower()


# Before the figure, a possessor or a scale naming what the figure describes: "the factory's", "the magnitude".
_DESCRIBED = re.compile(r"(?:'s|’s|\b(?:magnitude|category|level|grade|force))\s*$")
_DESCRIBED_FIGURE = re.compile(r"(?:magnitude|category|level|grade|force)\b", re.I)  # "magnitude 6.4" read as one figure
_NEGATED_VERB = re.compile(r"\b(?:did|does|do|was|were|is|are|had|has|have)\s+not\s+(?:yet\s+|been\s+|be\s+)?"
                           r"(?!(?:true|correct|accurate|right|real|exist\w*|happen\w*)\b)([a-z]{3,})")


def _stem(word: str) -> str:
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


# The figure as what its sentence is about: "The figure of 600 deaths, spread by anonymous accounts, has no
# basis in ward records", "its estimate of thirty thousand villagers ... had never been accurate". The verdict
# is the sentence's predicate, however long the asides between; so the rest of the sentence is read for it.
_TOPIC_BEFORE = re.compile(
    r"\b(?:the|that|this|its|their|his|her|an?)\s+(?:[\w'’-]+\s+){0,2}?(?:figure|number|estimate|claim|total|tally|toll|"
    r"count|statistic|assertion|suggestion|allegation|report)s?\s+(?:of|that)\s+(?:(?:some|about|around|nearly|almost|over)\s+)?$"
)
_TOPIC_VERDICT = re.compile(
    r"\b(?:(?:has|have|had)\s+(?:(?:since|now|long)\s+)?(?:no|little)\s+(?:basis|foundation|grounding)|"
    r"(?:cannot|can['’]t|could\s+not|couldn['’]t)\s+(?:possibly\s+)?be\s+(?:right|true|correct|accurate)|"
    r"(?:has|have|had)\s+never\s+been\s+(?:accurate|right|true|correct|reliable)|"
    r"(?:is|was|were|are|had\s+been|has\s+been|have\s+been|proved|turned\s+out\s+to\s+be)\s+(?:(?!not\b|never\b)[a-z]+\s+)?"
    r"(?:false|wrong|incorrect|untrue|inaccurate|mistaken|exaggerated|inflated|overstated|misleading|baseless|unfounded|"
    r"fabricated|bogus|a\s+myth|fiction|an?\s+(?:\w+\s+)?(?:exaggeration|invention|fabrication|error|mistake)|"
    r"not\s+(?:true|accurate|correct|right)|denied|disputed|rejected|refuted|debunked|withdrawn|retracted|discredited|dismissed|"
    r"contradicted|challenged|questioned|rebutted|undermined|overturned|disowned|abandoned))"
)
# A figure asked back as a question of its own ("Forty thousand visitors? The turnstile data record 9,312."): the
# source quotes it to doubt it, and never states it, unless the next words agree ("Yes.", "Indeed, ...").
_QUESTION_ONLY = re.compile(r"^\W*(?:[\w'’-]+\W+){0,2}$")
_ANSWERED_YES = re.compile(r"\s*['‘\"“]?(?:yes|yep|indeed|correct|right|true|that['’]s\s+(?:right|correct|true))\b", re.I)


# ... or named by the noun after it: "The minister's 90 per cent figure was contradicted within hours".
_TOPIC_AFTER = re.compile(r"\s*(?:[\w'’-]+\s+){0,2}?(?:figure|number|estimate|claim|total|tally|count|statistic)s?\b"
                          r"(?!\s+(?:of|for)\b)", re.I)


def _topic_refuted(text: str, q: dict, bounds: tuple[int, int]) -> bool:
    """Is the figure the subject of a sentence whose predicate calls it false or baseless?"""
    if not (_TOPIC_BEFORE.search(text[max(bounds[0], q["start"] - 80):q["start"]].lower())
            or _TOPIC_AFTER.match(text, q["end"], bounds[1])):
        return False
    rest = _CONFIRMED.sub(" ", text[q["end"]:bounds[1]].lower())
    return _TOPIC_VERDICT.search(rest) is not None


def _asked_back(text: str, q: dict, bounds: tuple[int, int]) -> bool:
    """Is the figure's sentence a bare question of the figure ("Forty thousand visitors?")?"""
    sentence = text[bounds[0]:bounds[1]].rstrip()
    if not sentence.endswith("?"):
        return False
    rest = text[bounds[0]:q["start"]] + " " + text[q["end"]:bounds[1]]
    return _QUESTION_ONLY.match(rest) is not None and not _ANSWERED_YES.match(text, bounds[1])


# A figure in scare quotes ("Ministers continue to tout the '5,000 new apprenticeships'"): a phrase of someone
# else's, quoted whole. When the next sentences answer it with "only about 1,000", the source disputes it.
_SCARE_OPEN = re.compile(r"(?<![\w'’])['‘\"“](?:[\w'’-]+\s+){0,2}$")
_SCARE_CLOSE = re.compile(r"(?:\s+[\w-]+){0,3}['’\"”](?!\w)")
_ONLY_N = re.compile(r"\b(?:only|just|merely|barely|no\s+more\s+than)\s+(?:about\s+|around\s+|some\s+|roughly\s+)?"
                     r"(\d{1,3}(?:,\d{3})+|\d+)(?![\d.,]*\s*(?:%|per\s*cent|percent))")


def _quoted_then_fewer(text: str, q: dict, bounds: tuple[int, int]) -> bool:
    """Is the figure a quoted phrase that the next sentences answer with a far smaller count?"""
    if not _SCARE_OPEN.search(text, max(bounds[0], q["start"] - 40), q["start"]) or not _SCARE_CLOSE.match(text, q["end"]):
        return False
    try:
        value = float(q["value"])
    except (TypeError, ValueError):
        return False
    for m in _ONLY_N.finditer(text, q["end"], min(len(text), bounds[1] + 400)):
        other = float(m.group(1).replace(",", ""))
        if 0.02 * value <= other <= 0.8 * value:
            return True
    return False


# "None of the 400 jobs promised has materialised", "not one of the 50 new clinics has been built": the things
# counted never came to be. ("None of the 400 passengers was hurt" says something else of them, and states them.)
_NONE_OF = re.compile(r"\b(?:none|not\s+one|not\s+a\s+single\s+one)\s+of\s+the\s*$")
_NEVER_CAME = re.compile(
    r"[^.;!?]{0,80}?\b(?:has|have|had)\s+(?:yet\s+|ever\s+|so\s+far\s+)?(?:materiali[sz]ed|appeared|existed|"
    r"been\s+(?:built|created|delivered|opened|completed|found|located|traced|made|planted))\b",
    re.I,
)


_WHETHER_LASTS = re.compile(r"^(?:question\w*|doubt\w*)\s+(?:whether|if)\b")
_LASTS = re.compile(r"\b(?:could|can|would|will|might|may)\s+(?:ever\s+)?(?:be\s+)?(?:repeated|sustained|maintained|continue\w*|"
                    r"last|kept\s+up|matched|replicated|bettered|beaten|held)\b")


def refuted(text: str, q: dict, bounds: tuple[int, int], neighbours: tuple[int, int],
            claim_words: frozenset[str] = frozenset()) -> bool:
    """Does the figure's own clause deny it, or the next sentence call "that figure" false? ``claim_words``
    (the claim's word stems) tell a negated verb of the claim's own from one saying something else."""
    # "Nobody disputes that 300 were killed", "a figure no one has disputed": a denial denied.
    before = _CONFIRMED.sub(" ", _scope_before(text, q["start"], bounds[0], neighbours[0]))
    after = _CONFIRMED.sub(" ", _scope_after(text, q["end"], bounds[1], neighbours[1]))
    # "was, police said, 'fantasy'": the aside and the quotation marks set no clause of their own.
    after = _QUOTE_MARKS.sub("", _SAID_ASIDE.sub(" ", after))
    if _DESCRIBED.search(before) or _DESCRIBED_FIGURE.match(q.get("text") or ""):
        # "The factory's 1,200 workers have not been paid", "The magnitude 6.4 quake was not felt": the
        # figure describes its noun, and the negated verb says something else of it (unless it is the
        # claim's own verb: "The town's 4,000 residents were not evacuated").
        neg = _NEGATED_VERB.search(after)
        if neg and not (claim_words and _stem(neg.group(1))[:4] in {w[:4] for w in claim_words}):
            after = after[:neg.start()]
    denial = _REFUTE_BEFORE.search(before)
    if denial and _WHETHER_LASTS.search(before[denial.start():]) and _LASTS.search(after):
        # "Analysts questioned whether the 12 percent rise could be repeated": the doubt is about the
        # figure's future, and takes the figure as given.
        denial = None
    if denial or _REFUTE_AFTER.search(after) or _CLAIMED_BY.match(after) or _CITED_BY_CRITICS.match(after):
        return True
    if denied_report(text, q["start"], bounds) or rated_false(text) or earlier_version(text, q["start"], bounds):
        return True
    if _topic_refuted(text, q, bounds) or _asked_back(text, q, bounds) or _quoted_then_fewer(text, q, bounds):
        return True
    if _NONE_OF.search(text[max(bounds[0], q["start"] - 30):q["start"]].lower()) and _NEVER_CAME.match(text, q["end"], bounds[1]):
        return True
    if _REFUTE_AT.search(text[max(bounds[0], q["start"] - 40):q["start"] + 12].lower()):
        return True
    if _CLOSER_TO.match(text.lower(), q["end"], bounds[1]):
        return True
    rest = text[q["end"]:bounds[1]].lower()
    if _REFUTE_LATER.search(rest) or _COUNTERED_LATER.search(rest) or re.match(_DIFFERENT_STORY, rest):
        return True
    if _HEDGE_BEFORE.search(text[max(bounds[0], q["start"] - 40):q["start"]].lower()) and _ANSWERED.search(rest):
        return True
    if _QUOTE_OPEN.search(text[max(bounds[0], q["start"] - 6):q["start"]].lower()) and _QUOTE_CLOSE.match(text.lower(), q["end"]):
        return True
    if _previous_refutes(text, bounds[0]):
        return True
    if _NOUN_THEN_DASH.search(text[max(bounds[0], q["start"] - 30):q["start"]].lower()):
        # "The government's figure - 4,000 new homes - has been challenged": the clause after the aside.
        close = _APPOSITION_END.search(text, q["end"], bounds[1])
        if close and _REFUTE_AFTER.search(_scope_after(text, close.end(), bounds[1], bounds[1])):
            return True
    if _DISPUTED_AFTER.match(text, q["end"], bounds[1]) and not _CONFIRMED.search(text, q["end"], min(bounds[1], q["end"] + 90)):
        return True
    # Later in the sentence, "... and called the figure misleading": the figure named again, refuted.
    if _THE_FIGURE_REFUTED.search(text[q["end"]:bounds[1]].lower()):
        return True
    # A source in Arabic or Hebrew denies in its own words: "نفى", "غير صحيح"; "הכחיש", "אינו נכון".
    if (not text[bounds[0]:bounds[1]].isascii() and not _RTL_REVISED_TO.search(text, bounds[0], q["start"])
            and refuted_rtl(text, q["start"], q["end"], bounds)):
        return True
    following = text[bounds[1]:bounds[1] + 160].lower()
    if _NEXT_KEEPS.match(following):
        return False  # "No party has challenged the figure", "The toll has not been disputed"
    if _REFUTE_NEXT.match(following) is not None or _NEXT_REJECTS.match(following) is not None:
        return True
    # "Officials said 40 died. That toll was later withdrawn": the next sentences refer back to it.
    return not _RTL.search(text, bounds[0], bounds[1]) and refuted_after(text, bounds) > 0

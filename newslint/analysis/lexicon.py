"""Word lists shared by the analyses: titles, role nouns, organisation words,
speech verbs and pronouns."""

from __future__ import annotations

#: Honorifics and titles that say a person's gender.
GENDERED_TITLES: dict[str, str] = {
    **dict.fromkeys(
        "mr mister sir lord king prince duke earl baron viscount marquess marquis "
        "herr signor senor señor monsieur sheikh emir sultan tsar archduke".split(),
        "m",
    ),
    **dict.fromkeys(
        "mrs ms miss dame lady queen princess duchess countess baroness viscountess "
        "marchioness madam madame mme mlle frau signora senora señora sheikha tsarina "
        "archduchess".split(),
        "f",
    ),
}

#: Titles and the words that build them ("Foreign Minister", "Secretary General"),
#: which say that a name follows but nothing about gender.
NEUTRAL_TITLES = frozenset(
    """dr doctor prof professor president vice minister secretary general gen colonel
    col captain capt major maj lieutenant lt sergeant sgt admiral adm commander cmdr
    governor gov senator sen representative rep congressman congresswoman judge justice
    chancellor mayor ambassador bishop archbishop cardinal rabbi imam rev reverend pastor
    father brother sister pope chief executive officer director inspector detective det
    constable pc supt superintendent coach councillor cllr deputy premier speaker leader
    foreign home health defence defense prime shadow former acting interim state attorney
    senior junior finance interior justice education culture trade economy environment
    transport treasury chair chairman chairwoman chairperson spokesman spokeswoman
    spokesperson manager boss founder commissioner commissar envoy consul marshal
    pilot private corporal agent mp mep msp am ceo cfo coo md mr mrs ms miss""".split()
) | frozenset(GENDERED_TITLES)

#: Words of titles that only qualify another ("Former Minister", "Deputy Mayor"):
#: alone before a single capitalised word ("Former WorldCom boss") they do not
#: say that the word is a person's name.
TITLE_MODIFIERS = frozenset(
    """former acting interim state senior junior foreign home health defence defense
    prime shadow deputy vice finance interior education culture trade economy
    environment transport treasury executive""".split()
)

#: Role nouns and relations that say a person's gender.
GENDERED_NOUNS: dict[str, str] = {
    **dict.fromkeys(
        """man boy gentleman father dad son brother husband boyfriend fiance widower
        grandfather grandson uncle nephew stepfather stepson chairman spokesman
        businessman sportsman congressman councilman policeman fireman headmaster
        schoolboy monk king prince duke earl lord baron sir emperor actor waiter
        steward postman salesman cameraman anchorman frontman horseman countryman
        landlord godfather patriarch groom bridegroom sheikh frenchman englishman
        irishman welshman scotsman dutchman""".split(),
        "m",
    ),
    **dict.fromkeys(
        """woman girl lady mother mum mom daughter sister wife girlfriend fiancee widow
        grandmother granddaughter aunt niece stepmother stepdaughter chairwoman
        spokeswoman businesswoman sportswoman congresswoman councilwoman policewoman
        firewoman headmistress schoolgirl nun queen princess duchess countess baroness
        dame empress actress waitress stewardess hostess heiress landlady godmother
        matriarch bride sheikha frenchwoman englishwoman irishwoman welshwoman
        scotswoman dutchwoman countrywoman""".split(),
        "f",
    ),
}
# "actor", "waiter", "steward", "host" are used for everyone in much copy
for _w in ("actor", "waiter", "steward"):
    GENDERED_NOUNS.pop(_w, None)

#: Singular nouns for a person: in reach of a pronoun, one of them could be the
#: person the pronoun means, so the reference is uncertain.
PERSON_NOUNS = frozenset(
    """minister secretary spokesman spokeswoman spokesperson official head director
    executive manager president leader chairman chairwoman chair analyst economist
    expert lawyer solicitor barrister judge doctor nurse teacher student pupil officer
    soldier mp mep senator governor mayor ambassador diplomat counterpart colleague
    partner friend boss founder owner chancellor candidate voter resident victim witness
    activist campaigner critic author writer journalist reporter correspondent editor
    presenter host singer actor actress star player coach captain striker champion
    winner worker employee customer user fan rival opponent challenger predecessor
    successor deputy aide adviser advisor consultant researcher scientist professor
    academic historian member man woman boy girl mother father son daughter wife husband
    brother sister widow child teenager driver passenger patient prisoner suspect
    defendant detective inspector constable commissioner envoy negotiator regulator
    chairperson founder entrepreneur investor trader banker broker strategist
    spokesperson director-general secretary-general commander colonel
    captain sergeant pilot priest bishop vicar imam rabbi pope king queen prince
    princess duke duchess lord lady boyfriend girlfriend partner fiance fiancee
    grandmother grandfather aunt uncle niece nephew cousin neighbour neighbor someone
    novelist artist musician rapper director producer designer architect engineer
    councillor premier chancellor treasurer auditor inspector investigator prosecutor
    attorney commentator pundit blogger producer host""".split()
)

#: Last words of organisations and places ("Downing Street", "Smolensk Oblast").
ORG_WORDS = frozenset(
    """street road avenue lane square house hall office ministry department bank council
    party university college school institute group inc ltd plc corp corporation company
    co airlines airways motors club city county court sea ocean river lake mountains
    mountain valley island islands bay church cathedral hospital committee commission
    union association agency foundation service services forces force army navy airport
    station park museum centre center region oblast province district republic kingdom
    states empire federation assembly parliament congress senate government
    administration police prize awards award festival games olympics stadium theatre
    theater gallery records music pictures studios entertainment media network networks
    systems technologies technology software electronics telecom telecoms communications
    day week christmas easter online digital capital partners securities holdings
    exchange market markets fund trust index stock treasury reserve authority board unit
    team show programme program radio tv channel film films times post news journal
    herald mail telegraph guardian express star sun review magazine press tribune
    league cup championship open tour series act bill treaty accord agreement summit
    conference war crisis plan scheme report lecture speech strait gulf canal peninsula coast desert
    forest hills heights peak border basin airport port harbour harbor bridge tower
    palace castle abbey palace estate farm mall arena garden gardens zoo industries
    international global worldwide europe asia africa america pharmaceuticals energy
    oil gas power motor cars foods brewery stores retail bancorp capital limited llc
    airline rail railway railways trains lines shipping project projects labs laboratories
    orchestra coalition alliance society bureau initiative forum consulting consultancy research
    llp gmbh""".split()
)

#: First words of places ("New York", "Los Angeles", "South Korea").
PLACE_FIRST = frozenset(
    """new north south east west northern southern eastern western central upper lower
    greater los las san santa sao hong sri saudi united great royal national middle
    far near st saint mount""".split()
)

#: Capitalised words that start sentences or dates rather than names.
NOT_NAMES = frozenset(
    """the a an but and yet so or then however now here there meanwhile separately
    earlier later today yesterday tonight last next on in at when while as if after
    before also still asked speaking writing although though since because instead
    indeed moreover nevertheless nonetheless this that these those his her their its
    our my your monday tuesday wednesday thursday friday saturday sunday january
    february march april may june july august september october november december of
    for to from with by what how why where who which one it we he she they i you
    many most some several all both each every no not only even just despite under
    over about against during according can could will would should shall must might
    is are was were do does did has have had be""".split()
)

#: Function words that never stand inside a name.
_FUNCTION_WORDS = frozenset(
    """the a an but and yet so or then however now here there this that these those his
    her their its our my your of for to from with by what how why where who which one it
    we he she they i you on in at when while as if after before""".split()
)

#: Parties and similar words that stand before a name ("Labour MSP Christine May").
PARTIES = frozenset(
    """labour tory tories conservative conservatives democrat democrats democratic
    republican republicans liberal green greens ukip snp plaid unionist independent
    socialist communist""".split()
)

PRONOUNS = frozenset("he she they it we i you".split())

#: Verbs that introduce or close a quotation.
SPEECH_VERBS = frozenset(
    """said says say told tells added adds continued continues asked asks explained
    explains insisted insists warned warns wrote writes noted notes argued argues
    claimed claims admitted admits stressed stresses declared declares replied replies
    responded responds remarked recalled recalls conceded concedes acknowledged
    acknowledges suggested suggests agreed agrees joked jokes announced announces
    concluded observed observes commented comments tweeted posted urged urges cautioned
    predicted predicts maintained maintains complained complains confirmed confirms
    revealed reveals shouted whispered exclaimed yelled reiterated emphasised
    emphasized vowed promised countered retorted boasted lamented stated states
    quipped mused protested pleaded demanded thundered wondered enthused screamed
    sighed laughed smiled begins began opined concedes testified alleged""".split()
)
#: Participles that continue an attribution ("..., adding: '...'").
PARTICIPLES = frozenset(
    "adding saying telling insisting warning explaining noting arguing stressing "
    "declaring writing".split()
)

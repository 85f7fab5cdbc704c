"""What no provision states (answer.unstated), in four forms: a figure of the day, a
statistic or a count of registered bodies, who holds an office now, contact details, an
event in a body's or a case's history; and questions that only look like them."""
import pytest

from answer.unstated import figure_of_the_day, never_stated
from tests.four_forms import four_forms

ROWS = [
    ("Kolika je minimalna cena rada za 2026. godinu?", "amount", "What is the minimum wage for 2026?", "amount"),
    ("Koliko žrtava je identifikovano 2024. godine?", "count", "How many victims were identified in 2024?", "count"),
    ("Koji je broj telefona SOS linije za žrtve?", "contact", "What is the hotline phone number for victims?", "contact"),
    ("Kolika je kazna za trgovinu ljudima?", None, "What is the penalty for human trafficking?", None),
    ("Da li se svedok može pozvati telefonom?", None, "May a witness be summoned by telephone?", None),
    ("Ko je trenutno direktor Centra za socijalni rad u Nišu?", "person",
     "Who is currently the director of the social work centre in Niš?", "person"),
    ("Koliko sigurnih kuća postoji u Srbiji?", "count", "How many safe houses are there in Serbia?", "count"),
    ("Koliki je očekivani životni vek žena prema Republičkom zavodu za statistiku?", "count",
     "What is women's life expectancy according to the national statistics office?", "count"),
    # a rule on loss of earnings uses the average wage; no statistic is asked for
    ("Kako se računa izgubljena zarada za ceo radni vek?", None, "How is lost pay for a whole working life computed?", None),
    ("Koliko advokata je upisano u registar pružalaca pravne pomoći?", "count",
     "How many lawyers are registered as legal aid providers?", "count"),
    # a court's or an office's number of judges or prosecutors: a council's decision
    ("Koji je trenutni broj sudija u Višem sudu u Kraljevu?", "count",
     "What is the current number of judges at the Higher Court in Kraljevo?", "count"),
    ("Koliko javnih tužilaca ima Osnovno javno tužilaštvo u Šapcu?", "count",
     "How many prosecutors does the Basic Public Prosecutor's Office in Šabac have?", "count"),
    # a count for the last few years, or the average award: statistics
    ("Koliko je žrtava u poslednjih pet godina dobilo odštetu?", "count",
     "How many victims received compensation over the past five years?", "count"),
    ("Koliki je prosečan dosuđeni iznos naknade žrtvama?", "count",
     "What is the average amount awarded to victims?", "count"),
    # the limitation of a claim for the last three years' wages is a rule
    ("Koliko godina unazad može da traži platu za poslednje tri godine rada?", None,
     "For how many years back may she claim the wages of her last three years of work?", None),
    # whether an award was ever received is a case's history
    ("Da li je žrtva ikada dobila naknadu od bivšeg poslodavca?", "event",
     "Did the victim ever receive compensation from her former employer?", "event"),
    ("Kada je GREVIO objavio izveštaj o Srbiji?", "event", "When did GREVIO publish its report on Serbia?", "event"),
    # a rule's number stays a rule: "koliko sudija sudi u veću" asks how a panel sits
    ("Koliko članova ima Visoki savet sudstva?", None, "How many members does the High Judicial Council have?", None),
    # A rule's figure, a competent body or a panel's size is stated by the law.
    ("Koliko dana godišnjeg odmora ima radnik?", None, "How many days of annual leave does a worker have?", None),
    ("Ko je trenutno nadležan da odluči o zahtevu?", None, "Who is currently competent to decide on the request?", None),
    ("Koliko sudija ima u veću?", None, "Who is the competent judge?", None),
    ("Koliko dinara dnevno država troši na jednog osuđenog u zatvoru?", "amount",
     "How many dinars per day does the state spend on one prisoner?", "amount"),
    ("Koliko dinara mesečno iznosi novčana socijalna pomoć?", "amount",
     "What is the monthly amount in dinars of social assistance?", "amount"),
    ("Kolika je novčana kazna u dinarima za vožnju bez dozvole?", None,
     "What is the fine in dinars for driving without a licence?", None),
    ("Na koji broj računa i sa kojim pozivom na broj da uplatim kaznu?", "contact",
     "To which account number do I pay the fine?", "contact"),
    ("Na kojoj adresi se nalazi prihvatilište za strance?", "contact",
     "What is the address of the shelter for foreigners?", "contact"),
    ("Da li oštećeni mora da javi promenu adrese?", None, "Must the injured party report a change of address?", None),
    ("Koliko novca mesečno dobija zaštićeno lice?", "amount",
     "How much money does a protected witness get each month?", "amount"),
    # a worker's hours are a rule of the Labour Law, an office's hours are contact details
    ("Koliko časova nedeljno iznosi puno radno vreme po Zakonu o radu?", None,
     "How many hours a week are full-time working hours under the Labour Law?", None),
    ("Koje je radno vreme centra za socijalni rad u Somboru?", "contact",
     "What are the working hours of the social work centre in Sombor?", "contact"),
    ("Ko je trenutno vrhovni javni tužilac i od kada je na toj funkciji?", "person",
     "Who is currently the chief public prosecutor, and since when?", "person"),
    ("Ko je trenutno zamenik Zaštitnika građana za prava deteta?", "person",
     "Who is currently the deputy ombudsman for children's rights?", "person"),
    ("Koliko članova danas ima Savet za borbu protiv trgovine ljudima i ko njime predsedava?", "count",
     "How many members does the Council against trafficking have today, and who chairs it?", "count"),
    ("Danas, ko predsedava Savetom za borbu protiv trgovine ljudima?", "person",
     "Today, who chairs the Council against trafficking?", "person"),
    ("Kako se zove pravnik koji radi u opštinskoj službi pravne pomoći?", "person",
     "What is the name of the lawyer who works in the municipal legal aid service?", "person"),
    ("Koliko dinara sud daje svedoku po pređenom kilometru?", "amount",
     "How many dinars per kilometre does the court pay a witness?", "amount"),
    ("Koliko dinara iznosi dnevnica svedoka?", "amount", "How many euros is a witness's daily allowance?", "amount"),
    ("Ko snosi troškove dolaska svedoka na sud?", None, "Who bears a witness's travel costs?", None),
    # a monthly sum with no currency named; an hourly one named after its unit
    ("Koji su uslovi za program i koliko mesečno iznosi naknada?", "amount",
     "What are the programme's conditions, and how much a month is the allowance?", "amount"),
    ("Koliko iznosi minimalna cena rada po satu, neto, u dinarima za ovu godinu?", "amount",
     "How much is the minimum wage per hour, net, in dinars this year?", "amount"),
    # Events: a founding, a first judgment, an award actually paid, the next visit.
    ("Koje godine je osnovan Centar za zaštitu žrtava trgovine ljudima?", "event",
     "In what year was the Centre for the Protection of Trafficking Victims founded?", "event"),
    ("Kada je doneta prva presuda za trgovinu ljudima u Srbiji?", "event",
     "When was the first conviction for human trafficking in Serbia handed down?", "event"),
    ("Da li je država zaista isplatila dosuđenu naknadu u predmetu Rantsev?", "event",
     "Did Cyprus actually pay the damages awarded in Rantsev?", "event"),
    ("Kada je sledeća poseta GRETA Srbiji?", "event", "When is GRETA's next evaluation visit to Serbia?", "event"),
    ("Koja država je prva ratifikovala Varšavsku konvenciju?", "event",
     "Which country was the first to withdraw from the Istanbul Convention?", "event"),
    ("Koja organizacija je otvorila prvo sklonište za žrtve u Srbiji?", "event",
     "Which organisation opened the first shelter for victims in Serbia?", "event"),
    ("Kog dana i u koliko sati je zakazan naredni glavni pretres u njenom predmetu?", "event",
     "On what date is the next hearing in her case scheduled?", "event"),
    ("Koja država je dužna da prva obavesti žrtvu?", None, "Which state must first inform the victim?", None),
    # A case's later history; whether a case may be reopened is a rule.
    ("Da li je posle presude ponovo pokrenuta istraga protiv poslodavca?", "event",
     "After the judgment in S.M. v. Croatia, did the authorities reopen the criminal case?", "event"),
    ("Da li se postupak može ponoviti posle presude Evropskog suda?", None,
     "Can criminal proceedings be reopened after a judgment of the European Court?", None),
    # An award paid so far, a law changed after a judgment, a sale's price, a year's total.
    ("Da li joj je poslodavac do sada isplatio dosuđenu naknadu?", "event",
     "Has the employer paid the damages awarded so far?", "event"),
    ("Da li je država posle presude izmenila zakon o porotnicima?", "event",
     "After the judgment, did the state amend its law on jurors?", "event"),
    ("Da li je oduzeta kuća prodata i po kojoj ceni?", "event",
     "Was the confiscated house sold, and at what price?", "event"),
    ("Kolika je bila ukupna vrednost oduzete imovine u Srbiji tokom 2023. godine?", "count",
     "What was the total value of property confiscated in Serbia in 2023?", "count"),
    ("Da li poslodavac mora da isplati dosuđenu naknadu?", None, "Must the employer pay the damages awarded?", None),
    ("Ko odlučuje o prodaji oduzete imovine?", None, "Who decides on selling confiscated property?", None),
    # Who is entered in a register: a statute sets up the register, never lists its entries.
    ("Koja udruženja iz Novog Sada su trenutno upisana u Registar pružalaca besplatne pravne pomoći?", "register",
     "Which associations from Novi Sad are currently listed in the register of free legal aid providers?", "register"),
    ("Koji advokati su upisani u imenik advokata u Nišu?", "register",
     "Which lawyers are registered with the bar in Niš?", "register"),
    ("Koji podaci se upisuju u Registar pružalaca?", None, "What data are entered in the register of providers?", None),
    ("Da li agencija koja nije registrovana sme da posreduje?", None,
     "May an agency that is not registered act as an intermediary?", None),
    # A rule on scheduling, or on a body's founding, is stated by law.
    ("U kom roku sud zakazuje glavni pretres?", None, "Within what time must the court schedule the hearing?", None),
    ("Koja organizacija može da osnuje sigurnu kuću?", None, "Which organisation may found a shelter?", None),
    # A rule about a first-instance judgment, a body's founding or a payment is stated by law.
    ("Kada se donosi prvostepena presuda?", None, "When is a first-instance judgment delivered?", None),
    ("Ko osniva centar za socijalni rad?", None, "Who establishes a social work centre?", None),
    ("Da li je država dužna da isplati naknadu žrtvi?", None, "Must the state pay compensation to the victim?", None),
    ("U kom roku se isplaćuje naknada za prvu presudu?", None, "When is compensation for the first judgment paid?", None),
    # An average is counted, never enacted: "koliko u proseku traje", "how long on average".
    ("Koliko u proseku traje prvostepeni postupak za trgovinu ljudima?", "count",
     "How long on average does a first-instance trafficking trial last?", "count"),
    ("Kolika se naknada u proseku dosuđuje žrtvama?", "count",
     "How much compensation is awarded to victims on average?", "count"),
    # ... an average that a rule uses is not: the average wage in a statute's formula.
    ("Kako se računa prosečna zarada za naknadu zarade?", None,
     "How is the average wage for wage compensation calculated?", None),
]


@pytest.mark.parametrize("question,what", four_forms(ROWS))
def test_never_stated(question, what):
    assert never_stated(question, "amount" if what == "amount" else None) == what


def test_a_figure_of_the_day_needs_a_time():
    assert figure_of_the_day("Kolika je zarada za januar 2026?") and figure_of_the_day("What is it today?")
    assert not figure_of_the_day("Kolika je naknada za neiskorišćeni godišnji odmor?")

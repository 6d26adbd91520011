/**
 * The words of the SØM template: sheet names, titles and guidance, Danish and English (one place).
 * Headers of the named blocks come from `src/workbook/names.ts` (the contract), not from here.
 */
import type { Lang } from "../../present/format";

/** A text in both languages. */
export interface Bilingual {
  readonly da: string;
  readonly en: string;
}

const t = (da: string, en: string): Bilingual => ({ da, en });

/** Picks the language. */
export const say = (text: Bilingual, lang: Lang): string => text[lang];

/** Sheet names of the template, in the original tool's order. The tools never depend on them (contract). */
export const SHEET_NAMES = {
  front: t("Forside", "Front page"),
  settings: t("Indstillinger", "Settings"),
  intervention: t("Indsats", "Intervention"),
  effects: t("Effekt", "Effect"),
  costs: t("Omkostninger", "Costs"),
  consequences: t("Konsekvenser", "Consequences"),
  prices: t("Priser", "Prices"),
  sensitivity: t("Følsomhed", "Sensitivity"),
  uncertainty: t("Usikkerhed", "Uncertainty"),
  followUp: t("Opfølgning", "Follow-up"),
} as const;

export type TemplateSheetKey = keyof typeof SHEET_NAMES;

/** The template's sheets in tab order. */
export const SHEET_ORDER: readonly TemplateSheetKey[] = [
  "front",
  "settings",
  "intervention",
  "effects",
  "costs",
  "consequences",
  "prices",
  "sensitivity",
  "uncertainty",
  "followUp",
];

/** Marks a figure that is not sourced (example workbook, golden fixtures). */
export const ILLUSTRATIVE = t(
  "Illustrativt tal (ikke fra SØM's vidensdatabase)",
  "Illustrative figure (not from SØM's knowledge database)",
);

/** What the Forside status cell shows before the first calculation (SOM_Status does not exist yet). */
export const NOT_CALCULATED = t("Ikke beregnet endnu", "Not calculated yet");

/** Source text of the default discount rate (som-method.md §1; knowledge-base-sources.md §4.1). */
export const DISCOUNT_RATE_SOURCE = t(
  "Finansministeriet: 3,5 % for år 0–35 (dokumentationsnotat 7. januar 2021; Vejledning i samfundsøkonomiske konsekvensvurderinger, 22. juni 2023). Blank = 3,5 %.",
  "Danish Ministry of Finance: 3.5% for years 0–35 (documentation note 7 January 2021; appraisal guidance of 22 June 2023). Blank = 3.5%.",
);

export const TX = {
  uncertainty: {
    title: t("Usikkerhed: simulering og realismejustering", "Uncertainty: simulation and realism adjustment"),
    guidance: [
      t(
        "Valgfrit. Simuleringen trækker de usikre parametre nedenfor tilfældigt (men reproducerbart: samme startværdi giver samme tal) og genberegner modellen i hvert gennemløb. Resultatet er sandsynligheden for overskud pr. aktør og en vifte af det akkumulerede nettoresultat.",
        "Optional. The simulation draws the uncertain parameters below at random (but reproducibly: the same seed gives the same numbers) and recomputes the model in every iteration. The result is the probability of a surplus per actor and a fan of the cumulative net result.",
      ),
      t(
        "Parameter: Succesrate (absolut sats; 'Succesrate: <effektmål>' for ét effektmål), Konsekvenser, Omkostninger, Priser eller Deltagere (ændring i %). Fordeling: Uniform (Lav–Høj) eller Trekant (Lav, Mest sandsynlig, Høj). Tomme rækker ignoreres.",
        "Parameter: Success rate (absolute rate; 'Success rate: <outcome>' for one outcome), Consequences, Costs, Prices or Participants (% change). Distribution: Uniform (Low–High) or Triangular (Low, Most likely, High). Blank rows are ignored.",
      ),
    ],
    simulationHeading: t("Simulering", "Simulation"),
    iterations: t("Antal simuleringer", "Iterations"),
    iterationsNote: t("1–100.000. Tom = 10.000.", "1–100,000. Blank = 10,000."),
    seed: t("Startværdi (seed)", "Seed"),
    seedNote: t(
      "Et helt tal 0–4294967295. Tom = 1. Samme startværdi giver de samme resultater på enhver computer.",
      "A whole number 0–4294967295. Blank = 1. The same seed gives the same results on every computer.",
    ),
    realismHeading: t("Realismejustering (optimisme-bias)", "Realism adjustment (optimism bias)"),
    realismGuidance: t(
      "Valgfrit. Reduktion af succesraten pr. evidensniveau (1 = stærkest; niveauet står i kolonnen Evidens på arket Effekt), et tillæg til alle omkostninger og en forsinkelse af effekterne i hele år. Udfyldes felterne, viser Resultater grundberegningen og den justerede beregning side om side. Der bruges ingen standardværdier: en tom reduktion betyder, at niveauet ikke bruges.",
      "Optional. Reduction of the success rate per evidence level (1 = strongest; the level is in the Evidence column on the Effect sheet), an uplift on all costs and a delay of the effects in whole years. When filled in, Results shows the base and the adjusted calculation side by side. No default values are used: a blank reduction means the level is not used.",
    ),
    costUplift: t("Omkostningstillæg", "Cost uplift"),
    costUpliftNote: t(
      "Fx 20 %: alle omkostninger (inkl. sparede) × 1,2. Tom = 0 %.",
      "E.g. 20%: every cost (saved costs included) × 1.2. Blank = 0%.",
    ),
    delay: t("Forsinkelse af effekter (år)", "Delay of effects (years)"),
    delayNote: t(
      "0–10 hele år: konsekvenserne efter indsatsen falder d år senere inden for samme tidshorisont. Tom = 0.",
      "0–10 whole years: the consequences after the intervention fall d years later within the same horizon. Blank = 0.",
    ),
  },
  front: {
    title: t("SØM – Den Socialøkonomiske Investeringsmodel", "SØM – the Danish social investment model"),
    subtitle: t(
      "Skabelon til beregning af en social indsats' budgetøkonomiske nettoresultat pr. aktør og år",
      "Template for the budget-economic net result of a social intervention, by actor and year",
    ),
    purposeHeading: t("Formål", "Purpose"),
    purpose: [
      t(
        "SØM beregner, hvad en social indsats koster, og hvad den sparer eller giver i indtægter for kommune, region og stat – år for år.",
        "SØM calculates what a social intervention costs and what it saves or earns for municipality, region and state – year by year.",
      ),
      t(
        "Konsekvenser minus omkostninger giver nettoresultatet. Et positivt tal er en gevinst for de offentlige budgetter.",
        "Consequences minus costs give the net result. A positive number is a gain for the public budgets.",
      ),
      t(
        "Metoden følger Socialstyrelsens SØM (nu Social- og Boligstyrelsen). Dette værktøj er uafhængig open source og ikke styrelsens officielle model; projektets egne valg står på resultatarket.",
        "The method follows Socialstyrelsen's SØM (now Social- og Boligstyrelsen). This tool is independent open source, not the agency's official model; the project's own decisions are listed on the result sheet.",
      ),
    ],
    stepsHeading: t("Sådan gør du", "How to use it"),
    steps: [
      t(
        "1. Indstillinger: angiv startår, tidshorisont, prisniveau, diskonteringsrente og aktører (standard: Kommune, Region, Stat).",
        "1. Settings: enter start year, horizon, price level, discount rate and actors (default: municipality, region, state).",
      ),
      t(
        "2. Indsats: skriv indsatsens navn, målgruppe, driftsperiode, varighed (år pr. borger) og antal deltagere, der starter i indsatsen, i hvert år.",
        "2. Intervention: enter the intervention's name, target group, operating period, duration (years per citizen) and the number of participants who start it each year.",
      ),
      t(
        "3. Effekt: angiv effektmålet og succesraten – den andel af deltagerne, der når målet på grund af indsatsen.",
        "3. Effect: enter the outcome and the success rate – the share of participants who reach it because of the intervention.",
      ),
      t(
        "4. Omkostninger: én linje pr. omkostning med art (Opstart, Drift, Pr. deltager, Sparet), aktør og beløb.",
        "4. Costs: one line per cost with kind (Start-up, Operating, Per participant, Saved), actor and amount.",
      ),
      t(
        "5. Konsekvenser og Priser: ændringen i brugen af offentlige ydelser pr. succesfuld borger år for år, og prisen pr. enhed for hver aktør.",
        "5. Consequences and Prices: the change in the use of public services per successful citizen year by year, and the price per unit for each actor.",
      ),
      t(
        "6. Beregn: klik Beregn i SØM-panelet (eller kør 'som calculate fil.xlsx'). Resultaterne skrives på egne ark; arket Følsomhed styrer følsomhedsanalyserne.",
        "6. Calculate: click Calculate in the SØM pane (or run 'som calculate file.xlsx'). Results are written to sheets of their own; the Sensitivity sheet controls the sensitivity analyses.",
      ),
    ],
    conventions: [
      t(
        "Gule celler er input. Skriv i kolonnen Kilde, hvor hvert tal kommer fra. Procenter skrives som 25 % (ikke 25).",
        "Yellow cells are inputs. Use the Source column to say where each number comes from. Type percentages as 25% (not 25).",
      ),
      t(
        "Værktøjet læser kun de navngivne områder (Formler > Navnestyring, navne der begynder med SOM_). Du kan flytte dem og udvide dem med flere rækker.",
        "The tool reads only the named ranges (Formulas > Name Manager, names starting with SOM_). You may move them and extend them with more rows.",
      ),
    ],
    statusHeading: t("Status for resultaterne", "Status of the results"),
    statusNote: t(
      "Viser 'Aktuel', når resultaterne svarer til inputtene, og 'Forældet', når et input er ændret siden seneste beregning.",
      "Shows whether the results match the inputs, or are out of date because an input changed since the last calculation.",
    ),
  },
  settings: {
    title: t("Indstillinger", "Settings"),
    guidance: [
      t(
        "Beregningsår 1 er startåret. Alle beløb omregnes til prisniveauet med prisindekset nedenfor.",
        "Calculation year 1 is the start year. Every amount is converted to the price level with the price index below.",
      ),
    ],
    header: [t("Indstilling", "Setting"), t("Værdi", "Value"), t("Kilde / bemærkning", "Source / remark")],
    startYear: t("Startår", "Start year"),
    startYearNote: t(
      "Kalenderår for beregningsår 1 (2000–2100).",
      "Calendar year of calculation year 1 (2000–2100).",
    ),
    horizon: t("Tidshorisont (år)", "Horizon (years)"),
    horizonNote: t(
      "1–30 år: hvor mange år konsekvenserne tælles med. SØM's vidensdatabase understøtter op til 10 år. Hvordan årene tælles, afgøres af horisontmetoden nedenfor.",
      "1–30 years: how many years the consequences are counted. SØM's knowledge database supports up to 10 years. How the years are counted is set by the horizon method below.",
    ),
    horizonMethod: t("Horisontmetode", "Horizon method"),
    horizonMethodNote: t(
      "Pr. kohorte (SØM's praksis, standard): hvert hold deltagere følges i tidshorisontens antal år fra det år, de afslutter indsatsen; beregningen løber så til det sidste holds sidste år. Kalenderår: kun tidshorisontens kalenderår fra startåret tælles, så senere hold følges i færre år (alle skal afslutte inden for horisonten). Vælg Kalenderår for at få tallene fra værktøjets første version.",
      "Per cohort (SØM's practice, default): each group of participants is followed for the horizon's number of years from the year they complete; the calculation then runs to the last group's last year. Calendar years: only the horizon's calendar years from the start year count, so later groups are followed for fewer years (everyone must complete within the horizon). Choose Calendar years to get the figures of the tool's first version.",
    ),
    perspective: t("Perspektiv", "Perspective"),
    liveResults: t("Levende resultater", "Live results"),
    liveResultsNote: t(
      "Ja: Beregn skriver også «Levende resultater» — SØM-beregningen som almindelige Excel-formler over input-navnene, så projektmappen regner selv, også uden tilføjelsesprogrammet.",
      "Yes: Calculate also writes “Levende resultater” — the SØM calculation as ordinary Excel formulas over the input names, so the workbook recalculates by itself, also without the add-in.",
    ),
    perspectiveNote: t(
      "Offentlig sektor (standard): alle aktører tælles med. Kun kommune: kun aktører med niveauet Kommune tælles med, som når man i SØM vælger kommunale forvaltninger; region og stat vises ikke (deres input kontrolleres stadig).",
      "Public sector (default): every actor is counted. Municipality only: only actors of level Kommune are counted, as when municipal departments are chosen in SØM; region and state are not shown (their inputs are still checked).",
    ),
    priceLevel: t("Prisniveau (prisår)", "Price level (price year)"),
    priceLevelNote: t(
      "Alle resultater vises i dette års priser. Blank = startåret.",
      "All results are shown in this year's prices. Blank = the start year.",
    ),
    discountRate: t("Diskonteringsrente", "Discount rate"),
    actorsHeading: t("Aktører", "Actors"),
    actorsGuidance: t(
      "Én række pr. aktør. Niveau er Kommune, Region, Stat eller Andet. Flere aktører kan have samme niveau (fx forvaltninger). Priser-arket har én kolonne pr. aktør med aktørens navn som overskrift.",
      "One row per actor. Level is Municipality, Region, State or Other. Several actors may share a level (e.g. departments). The Prices sheet has one column per actor, headed by the actor's name.",
    ),
    indexHeading: t("Prisindeks", "Price index"),
    indexGuidance: t(
      "Nettoprisindeks (Danmarks Statistik, 2015 = 100), som SØM bruger. Kræves for hvert prisår, der afviger fra prisniveauet. Skabelonen udfyldes med årsgennemsnit af DST's månedstal for hele år (beregnet af SØM for Excel, se Kilde); ret eller tilføj år efter behov. Et år efter det sidste hele år kræver et fremskrevet indeks (fx fra Finansministeriet eller KL) med kilde.",
      "Net price index (Statistics Denmark, 2015 = 100), as SØM uses. Needed for every price year that differs from the price level. The template is filled with annual means of DST's monthly values for full years (computed by SØM for Excel, see Kilde); change or add years as needed. A year after the last full year needs a forecast index (e.g. from the Ministry of Finance or KL) with its source.",
    ),
  },
  intervention: {
    title: t("Indsats", "Intervention"),
    guidance: [
      t(
        "Deltagere er de borgere, der starter i indsatsen i det pågældende beregningsår. De modtager indsatsen i varighedens antal år og afslutter i år start + varighed − 1. Effekten falder i det år, borgeren afslutter.",
        "Participants are the citizens who start the intervention in that calculation year. They receive it for the duration's number of years and complete in year start + duration − 1. The effect falls in the year the citizen completes.",
      ),
    ],
    header: [t("Felt", "Field"), t("Værdi", "Value"), t("Kilde / bemærkning", "Source / remark")],
    name: t("Indsatsens navn", "Name of the intervention"),
    targetGroup: t("Målgruppe", "Target group"),
    operatingPeriod: t("Driftsperiode (år)", "Operating period (years)"),
    operatingPeriodNote: t(
      "Antal år indsatsen kører og optager nye deltagere (1–30). Efter driftsperioden skal Deltagere være 0 eller tom.",
      "Years the intervention runs and takes in new participants (1–30). After the operating period Participants must be 0 or blank.",
    ),
    duration: t("Varighed (år)", "Duration (years)"),
    durationNote: t(
      "Hvor mange hele år en borger modtager indsatsen (1–10, standard 1). Med 1 år er de, der starter, og de, der afslutter, de samme borgere samme år.",
      "How many whole years a citizen receives the intervention (1–10, default 1). With 1 year, those who start and those who complete are the same citizens in the same year.",
    ),
    participantsHeading: t("Deltagere pr. beregningsår", "Participants per calculation year"),
    participantsGuidance: t(
      "År er beregningsåret (1 = startåret), Deltagere antallet, der starter det år. Tom = 0. Tomme rækker efter driftsperioden ignoreres.",
      "Year is the calculation year (1 = the start year), Participants the number who start that year. Blank = 0. Blank rows after the operating period are ignored.",
    ),
  },
  effects: {
    title: t("Effekt", "Effect"),
    guidance: [
      t(
        "Succesraten er andelen af deltagerne, der når effektmålet på grund af indsatsen: fx 12 % med indsatsen minus 2 %, der ville have nået det alligevel = 10 %.",
        "The success rate is the share of participants who reach the outcome because of the intervention: e.g. 12% with it minus 2% who would have anyway = 10%.",
      ),
      t(
        "SØM har ét effektmål pr. beregning; dette værktøj tillader flere. Konsekvenser knyttes til et effektmål ved navn.",
        "SØM has one outcome per calculation; this tool allows several. Consequences refer to an outcome by name.",
      ),
    ],
  },
  costs: {
    title: t("Omkostninger", "Costs"),
    guidance: [
      t(
        "Art: Opstart (engangsbeløb, år 1), Drift (pr. år i driftsperioden), Pr. deltager (pr. borger pr. år i indsatsen: × antal borgere i indsatsen det år), Pr. forløb (pr. borger, betales i startåret: × antal, der starter det år), Sparet (udgift til et erstattet tilbud, trækkes fra).",
        "Kind: Start-up (one-off, year 1), Operating (per year of the operating period), Per participant (per citizen per year in the intervention: × citizens in it that year), Per course (per citizen, paid in the start year: × that year's starters), Saved (cost of a replaced offer, subtracted).",
      ),
      t(
        "Beløb i kr. i prisåret (tom = prisniveauet). Fra år / Til år er beregningsår; tom = artens standard.",
        "Amount in kroner at the price year (blank = the price level). From/To year are calculation years; blank = the kind's default.",
      ),
    ],
  },
  consequences: {
    title: t("Konsekvenser", "Consequences"),
    guidance: [
      t(
        "Ændringen i brugen af en offentlig ydelse pr. succesfuld borger i konsekvensår 1, 2, … (år 1 = året, borgeren gennemfører). Negativ = mindre brug.",
        "The change in the use of a public service per successful citizen in consequence year 1, 2, … (year 1 = the year the citizen completes). Negative = less use.",
      ),
      t(
        "Art: Udgift (mindre brug sparer penge) eller Indtægt (fx mere skat). Effektmål skal findes på arket Effekt, Ydelse på arket Priser.",
        "Kind: Expenditure (less use saves money) or Revenue (e.g. more tax). The outcome must exist on the Effect sheet, the service on the Prices sheet.",
      ),
      t(
        "Fase: Efter indsats (standard, tom) tæller fra afslutningsåret. Under indsats er ændringen pr. succesfuld borger i 1., 2., … år i indsatsen før afslutningsåret; den må kun have tal i år 1 til varighed − 1.",
        "Phase: After (default, blank) counts from the completion year. During is the change per successful citizen in the 1st, 2nd, … year in the intervention before the completion year; it may hold numbers only in years 1 to duration − 1.",
      ),
    ],
  },
  prices: {
    title: t("Priser", "Prices"),
    guidance: [
      t(
        "Pris pr. enhed for hver aktør efter refusion, før udligning og bloktilskud. Tom = 0. Én kolonne pr. aktør med aktørens navn som overskrift (samme navn som på Indstillinger).",
        "Price per unit for each actor after refunds, before equalisation and block grants. Blank = 0. One column per actor, headed by the actor's name (as on Settings).",
      ),
    ],
  },
  sensitivity: {
    title: t("Følsomhed", "Sensitivity"),
    guidance: [
      t(
        "Lav og Høj for hver parameter bruges i de enkeltvise analyser og tornadodiagrammet. Succesrate er en absolut sats; de andre er ændringer i procent; Tidshorisont er år.",
        "Low and High of each parameter are used in the one-way analyses and the tornado chart. Success rate is an absolute rate; the others are % changes; Horizon is years.",
      ),
    ],
    explainHeader: t("Forklaring", "Explanation"),
    explain: {
      successRate: t(
        "Alle succesrater sættes til værdien. Standard: 50 % og 150 % af første effekts succesrate (højst 100 %).",
        "Every success rate is set to the value. Default: 50% and 150% of the first effect's success rate (at most 100%).",
      ),
      consequences: t(
        "Alle ændringer i ydelsesforbrug ganges med (1 + ændring).",
        "Every change in service use is multiplied by (1 + change).",
      ),
      costs: t(
        "Alle omkostningslinjer, også sparede, ganges med (1 + ændring).",
        "Every cost line, saved costs included, is multiplied by (1 + change).",
      ),
      prices: t("Alle priser ganges med (1 + ændring).", "Every price is multiplied by (1 + change)."),
      participants: t(
        "Alle deltagertal ganges med (1 + ændring).",
        "Every participant count is multiplied by (1 + change).",
      ),
      horizon: t(
        "Tidshorisonten F sættes til værdien (1–30 år); beregningsårene følger med (pr. kohorte: hvert hold følges F år).",
        "The horizon F is set to the value (1–30 years); the calculation years follow (per cohort: each cohort is followed F years).",
      ),
    },
    gridHeading: t("Tovejs-gitter", "Two-way grid"),
    gridGuidance: t(
      "Overskrifterne nævner parametrene på de to akser; værdierne står under dem. Resultat: 'Nettoresultat' eller 'Nutidsværdi' efterfulgt af Total, et niveau eller et aktørnavn.",
      "The headers name the parameters on the two axes; the values are below them. Result: 'Net result' or 'Present value' followed by Total, a level or an actor name.",
    ),
    gridResult: t("Resultat i gitteret", "Result in the grid"),
    gridResultDefault: t("Nettoresultat", "Net result"),
  },
} as const;

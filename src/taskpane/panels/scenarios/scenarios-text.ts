/** Texts of the scenarios & departments panel, Danish first. */
import type { Text } from "../../panel";

export const ST = {
  tab: { da: "Scenarier", en: "Scenarios" },
  intro: {
    da: "Gem den aktuelle beregning som et navngivet scenarie i projektmappen (skjult ark _som_scenarier), sammenlign scenarier side om side, og se hvorfor resultatet flytter sig.",
    en: "Save the current calculation as a named scenario inside the workbook (hidden sheet _som_scenarier), compare scenarios side by side, and see why the result moves.",
  },
  saveTitle: { da: "Gem scenarie", en: "Save scenario" },
  nameLabel: { da: "Navn", en: "Name" },
  replace: { da: "Erstat et scenarie med samme navn", en: "Replace a scenario of the same name" },
  save: { da: "Gem", en: "Save" },
  saved: { da: "Scenariet »{name}« er gemt.", en: "The scenario “{name}” was saved." },
  listTitle: { da: "Gemte scenarier", en: "Saved scenarios" },
  none: { da: "Ingen gemte scenarier endnu.", en: "No saved scenarios yet." },
  savedAt: { da: "gemt {when}", en: "saved {when}" },
  net: { da: "Nettoresultat i alt: {kr}", en: "Net result in total: {kr}" },
  compareBox: { da: "Med i sammenligningen", en: "Include in the comparison" },
  restore: { da: "Gendan", en: "Restore" },
  rename: { da: "Omdøb", en: "Rename" },
  remove: { da: "Slet", en: "Delete" },
  ok: { da: "OK", en: "OK" },
  confirmDelete: {
    da: "Slet scenariet »{name}«? Det kan ikke fortrydes.",
    en: "Delete the scenario “{name}”? This cannot be undone.",
  },
  restored: {
    da: "Scenariet »{name}« er gendannet i inputarkene. Beregn igen for at opdatere resultaterne.",
    en: "The scenario “{name}” was restored into the input sheets. Calculate again to update the results.",
  },
  alreadyCurrent: {
    da: "Inputarkene svarer allerede til scenariet »{name}«.",
    en: "The input sheets already match the scenario “{name}”.",
  },
  skippedNames: { da: "Ikke gendannet: {list}", en: "Not restored: {list}" },
  compareTitle: { da: "Sammenlign", en: "Compare" },
  from: { da: "Fra", en: "From" },
  to: { da: "Til", en: "To" },
  compare: { da: "Skriv arket Sammenligning", en: "Write the Sammenligning sheet" },
  compared: { da: "Arket »Sammenligning« er skrevet.", en: "The sheet “Sammenligning” was written." },
  whyTitle: {
    da: "Hvorfor flyttede det sig? (nettoresultat i alt)",
    en: "Why did it move? (net result in total)",
  },
  difference: { da: "Forskel i alt", en: "Difference in total" },
  refused: {
    da: "Forskellen kan ikke opdeles: scenarierne har forskelligt prisniveau.",
    en: "The difference cannot be decomposed: the scenarios have different price levels.",
  },
  refusedPerspective: {
    da: "Forskellen kan ikke opdeles: scenarierne har forskelligt perspektiv (Offentlig sektor / Kun kommune).",
    en: "The difference cannot be decomposed: the scenarios have different perspectives (public sector / municipality only).",
  },
  method: {
    da: "Shapley-værdi: gennemsnit over alle rækkefølger af faktorerne, beregnet eksakt over 512 genberegnede blandinger af ni faktorer. Bidragene summer til forskellen. Reglerne står på arket.",
    en: "Shapley value: the average over all orders of the factors, computed exactly over 512 recomputed mixes of nine factors. The contributions sum to the difference. The rules are on the sheet.",
  },
  actorsTitle: { da: "Aktører", en: "Actors" },
  actorName: { da: "Aktør", en: "Actor" },
  level: { da: "Niveau", en: "Level" },
  addActor: { da: "Tilføj aktør", en: "Add actor" },
  saveActors: { da: "Gem aktører", en: "Save actors" },
  actorsSaved: { da: "Aktørlisten er gemt.", en: "The actor list was saved." },
  load: { da: "Hent fra projektmappen", en: "Load from the workbook" },
  deptTitle: { da: "Del en kommune i forvaltninger", en: "Split a kommune into departments" },
  deptIntro: {
    da: "Forvaltningerne bliver aktører med niveauet Kommune. Fordelingsnøglen angiver pr. ydelse, hvor stor en andel af kommunens pris hver forvaltning bærer; resten bliver hos kommunen.",
    en: "The departments become actors with level Kommune. The distribution key gives, per service, the share of the kommune's price each department bears; the rest stays with the kommune.",
  },
  kommune: { da: "Kommune", en: "Kommune" },
  departments: {
    da: "Forvaltninger (én pr. linje; et forslag, ret det til)",
    en: "Departments (one per line; a suggestion, edit it)",
  },
  makeKey: { da: "Lav fordelingsnøgle", en: "Make distribution key" },
  service: { da: "Ydelse", en: "Service" },
  split: { da: "Del kommunen", en: "Split the kommune" },
  applyKey: { da: "Anvend fordelingsnøglen fra arket", en: "Apply the key from the sheet" },
  keyApplied: {
    da: "Fordelingsnøglen fra arket Fordelingsnøgle er anvendt på priserne.",
    en: "The key from the sheet Fordelingsnøgle has been applied to the prices.",
  },
  keyHint: {
    da: "Nøglen gemmes i arket Fordelingsnøgle (SOM_Fordelingsnoegle), så den følger med projektmappen. Ret andelene dér og anvend den igen; udfyldte priser overskrives kun, hvis du bekræfter.",
    en: "The key is stored in the sheet Fordelingsnøgle (SOM_Fordelingsnoegle) so it travels with the workbook. Edit the shares there and apply it again; filled prices are only overwritten if you confirm.",
  },
  splitDone: {
    da: "Kommunen er delt i forvaltninger. Beregn igen.",
    en: "The kommune was split into departments. Calculate again.",
  },
  undistributed: {
    da: "Ikke fuldt fordelt (resten bliver hos kommunen): {list}",
    en: "Not fully distributed (the rest stays with the kommune): {list}",
  },
  noKommune: { da: "Der er ingen aktør med niveauet Kommune.", en: "There is no actor with level Kommune." },
} as const satisfies Record<string, Text>;

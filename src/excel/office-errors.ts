/**
 * Office errors → messages people can act on (Danish first, English available).
 *
 * Office.js rejects `context.sync()` with an `OfficeExtension.Error` whose `code` is stable (not localized) and
 * whose `message` is localized and technical; we branch on `code` only and never show the raw message.
 * Codes: https://learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling
 */

export interface UserMessage {
  readonly da: string;
  readonly en: string;
}

/** Our own error codes, next to Office's. */
export type SomOfficeCode =
  "SheetProtected" | "WorkbookProtected" | "UnsupportedHost" | "InputOverwrite" | "InvalidSpec";

/**
 * Thrown by `OfficeWorkbook.writeSheets` when a write fails: `code` is Office's (or ours), `sheets` the sheets
 * of the failing request, `partial` whether earlier requests had already changed the workbook.
 */
export class OfficeWriteError extends Error {
  override readonly name = "OfficeWriteError";
  constructor(
    readonly code: string,
    readonly sheets: readonly string[],
    readonly partial: boolean,
    override readonly cause?: unknown,
    /** An input edit's ranges (`'Sheet'!A1:C3`) and names, named in the message when it may be partly written. */
    readonly targets: readonly string[] = [],
  ) {
    super(
      `Excel write failed (${code}) on sheet(s) ${sheets.join(", ") || "–"}${partial ? "; the workbook was partly updated" : ""}`,
    );
  }
}

/** Thrown by `OfficeWorkbook.readNames`/`listSheets`/`selectCell` when Office fails. */
export class OfficeReadError extends Error {
  override readonly name = "OfficeReadError";
  constructor(
    readonly code: string,
    override readonly cause?: unknown,
  ) {
    super(`Excel read failed (${code})`);
  }
}

/** The `code` of an Office error (or of our wrappers), "Unknown" when there is none. */
export function officeErrorCode(err: unknown): string {
  if (typeof err === "object" && err !== null && "code" in err) {
    const code = (err as { code: unknown }).code;
    if (typeof code === "string" && code.length > 0) return code;
  }
  return "Unknown";
}

const MESSAGES: Map<string, UserMessage> = new Map<string, UserMessage>([
  [
    "InvalidOperationInCellEditMode",
    {
      da: "Excel er ved at redigere en celle. Afslut redigeringen af cellen (tryk Enter eller Esc) og prøv igen.",
      en: "Excel is editing a cell. Finish editing the cell (press Enter or Esc) and try again.",
    },
  ],
  [
    "ItemNotFound",
    {
      da: "Et ark eller et navn, som SØM skal bruge, findes ikke (længere) i projektmappen. Tjek Formler › Navnestyring og arkfanerne, eller brug »Opret SØM-ark« og prøv igen.",
      en: "A sheet or name SØM needs no longer exists in the workbook. Check Formulas › Name Manager and the sheet tabs, or use “Create SØM sheets”, then try again.",
    },
  ],
  [
    "InvalidArgument",
    {
      da: "Excel afviste de data, SØM forsøgte at skrive. Projektmappen kan have et ark eller navn, der ikke passer til SØM. Prøv igen; fortsætter fejlen, så gem en kopi og meld fejlen.",
      en: "Excel rejected the data SØM tried to write. The workbook may have a sheet or name that does not fit SØM. Try again; if it persists, save a copy and report the problem.",
    },
  ],
  [
    "InvalidReference",
    {
      da: "Et navn i projektmappen peger på et område, der ikke findes (#REFERENCE!). Ret navnet i Formler › Navnestyring og prøv igen.",
      en: "A name in the workbook refers to a range that does not exist (#REF!). Fix it in Formulas › Name Manager and try again.",
    },
  ],
  [
    "RequestPayloadSizeLimitExceeded",
    {
      da: "Resultaterne var for store til at blive sendt til Excel på én gang. Gør følsomhedsgitteret mindre (færre værdier på akserne) og prøv igen.",
      en: "The results were too large to send to Excel at once. Make the sensitivity grid smaller (fewer axis values) and try again.",
    },
  ],
  [
    "ResponsePayloadSizeLimitExceeded",
    {
      da: "Inputområderne er for store til at blive læst på én gang. Tjek i Formler › Navnestyring, at SØM-navnene ikke dækker hele kolonner eller rækker, og prøv igen.",
      en: "The input ranges are too large to read at once. Check in Formulas › Name Manager that the SØM names do not cover whole columns or rows, then try again.",
    },
  ],
  [
    "ApiNotFound",
    {
      da: "Din version af Excel understøtter ikke en funktion, SØM bruger. Opdater Excel (Microsoft 365) eller brug Excel på nettet.",
      en: "Your version of Excel does not support a feature SØM uses. Update Excel (Microsoft 365) or use Excel on the web.",
    },
  ],
  [
    "UnsupportedHost",
    {
      da: "SØM kræver Excel med ExcelApi 1.8 eller nyere (Microsoft 365, Excel 2021 eller nyere eller Excel på nettet). Opdater Excel og prøv igen.",
      en: "SØM needs Excel with ExcelApi 1.8 or later (Microsoft 365, Excel 2021 or later or Excel on the web). Update Excel and try again.",
    },
  ],
  [
    "AccessDenied",
    {
      da: "Excel tillod ikke ændringen. Projektmappen eller arket er måske skrivebeskyttet, delt med begrænsninger eller åbnet i visningstilstand. Slå redigering til (Rediger projektmappe) og prøv igen.",
      en: "Excel did not allow the change. The workbook or sheet may be read-only, shared with restrictions or open in view mode. Turn on editing and try again.",
    },
  ],
  [
    "SheetProtected",
    {
      da: "Et af SØM's resultatark er beskyttet. Fjern beskyttelsen (Gennemse › Fjern arkbeskyttelse) og prøv igen. Intet er ændret.",
      en: "One of SØM's result sheets is protected. Unprotect it (Review › Unprotect Sheet) and try again. Nothing was changed.",
    },
  ],
  [
    "InputOverwrite",
    {
      da: "SØM stoppede, fordi et resultatark indeholder inputceller. Flyt inputtene til et inputark, eller omdøb resultatarket. Intet er ændret.",
      en: "SØM stopped because a result sheet contains input cells. Move the inputs to an input sheet, or rename the result sheet. Nothing was changed.",
    },
  ],
  [
    "InvalidSpec",
    {
      da: "SØM lavede et ugyldigt ark (programfejl). Intet er ændret. Meld venligst fejlen.",
      en: "SØM produced an invalid sheet (a bug). Nothing was changed. Please report the problem.",
    },
  ],
  [
    "Conflict",
    {
      da: "En anden ændrede projektmappen samtidig (samredigering). Vent et øjeblik og prøv igen.",
      en: "Someone else changed the workbook at the same time (co-authoring). Wait a moment and try again.",
    },
  ],
  [
    "InactiveWorkbook",
    {
      da: "Projektmappen er ikke den aktive i Excel (en anden projektmappe eller et andet vindue har fokus). Klik i projektmappen og prøv igen.",
      en: "The workbook is not the active one in Excel (another workbook or window has the focus). Click into the workbook and try again.",
    },
  ],
  [
    "InvalidSelection",
    {
      da: "Excel kunne ikke bruge den nuværende markering (f.eks. flere områder eller et diagram). Klik på en enkelt celle og prøv igen.",
      en: "Excel could not use the current selection (e.g. several areas or a chart). Click a single cell and try again.",
    },
  ],
  [
    "RangeExceedsLimit",
    {
      da: "SØM bad Excel om et for stort område (over Excels grænse for celler pr. kald). Tjek i Formler › Navnestyring, at SØM-navnene ikke dækker hele kolonner, og gør følsomhedsgitteret mindre.",
      en: "SØM asked Excel for too large a range (over Excel's cell limit per call). Check in Formulas › Name Manager that the SØM names do not cover whole columns, and make the sensitivity grid smaller.",
    },
  ],
  [
    "ActivityLimitReached",
    {
      da: "Excel har modtaget for mange ændringer på kort tid og holder en pause. Vent et minut og prøv igen.",
      en: "Excel has received too many changes in a short time and is pausing. Wait a minute and try again.",
    },
  ],
  [
    "FormulaLengthExceedsLimit",
    {
      da: "En formel, SØM skulle skrive, er for lang til Excel (over 8.192 tegn), typisk fordi en liste er meget lang. Forkort listen (f.eks. færre aktører eller kortere navne) og prøv igen.",
      en: "A formula SØM had to write is too long for Excel (over 8,192 characters), usually because a list is very long. Shorten the list (e.g. fewer actors or shorter names) and try again.",
    },
  ],
  [
    "RequestAborted",
    {
      da: "Forbindelsen til Excel blev afbrudt undervejs (f.eks. netværk eller genindlæsning). Tjek resultatarkene, og prøv igen.",
      en: "The connection to Excel was interrupted (e.g. network or a reload). Check the result sheets and try again.",
    },
  ],
  [
    "WorkbookProtected",
    {
      da: "Projektmappens struktur er beskyttet, så SØM ikke kan tilføje ark. Fjern beskyttelsen (Gennemse › Beskyt projektmappe) og prøv igen. Intet er ændret.",
      en: "The workbook's structure is protected, so SØM cannot add sheets. Unprotect it (Review › Protect Workbook) and try again. Nothing was changed.",
    },
  ],
  [
    "GeneralException",
    {
      da: "Excel meldte en uventet fejl. Prøv igen; hjælper det ikke, så luk og genåbn projektmappen.",
      en: "Excel reported an unexpected error. Try again; if that does not help, close and reopen the workbook.",
    },
  ],
]);

MESSAGES.set("InsertDeleteConflict", MESSAGES.get("Conflict") as UserMessage);
MESSAGES.set("InvalidOperation", MESSAGES.get("InvalidArgument") as UserMessage);
MESSAGES.set("ItemAlreadyExists", MESSAGES.get("InvalidArgument") as UserMessage);

const UNKNOWN: UserMessage = {
  da: "Der skete en uventet fejl i samspillet med Excel. Prøv igen; hjælper det ikke, så luk og genåbn projektmappen.",
  en: "An unexpected error occurred while talking to Excel. Try again; if that does not help, close and reopen the workbook.",
};

/**
 * The message to show for an error from the Office adapter. For a failed write it names the sheet and says
 * whether the workbook was partly changed.
 */
export function describeOfficeError(err: unknown): UserMessage {
  const base = MESSAGES.get(officeErrorCode(err)) ?? UNKNOWN;
  if (
    err instanceof OfficeWriteError &&
    err.sheets.length > 0 &&
    !["SheetProtected", "WorkbookProtected", "InputOverwrite", "InvalidSpec"].includes(err.code)
  ) {
    const sheets = err.sheets.map((s) => `»${s}«`).join(", ");
    if (err.targets.length > 0) {
      const list = err.targets.join(", ");
      return err.partial
        ? {
            da: `${base.da} (Fejlen opstod ved skrivning af ${sheets}. Excel kan have skrevet en del af ændringen: tjek ${list}.)`,
            en: `${base.en} (The error happened while writing ${sheets}. Excel may have written part of the change: check ${list}.)`,
          }
        : {
            // true alone and as the last part of a larger action (EditPartlyDoneError says what came before)
            da: `${base.da} (Fejlen opstod ved skrivning af ${sheets}. Ændringen blev ikke skrevet.)`,
            en: `${base.en} (The error happened while writing ${sheets}. The change was not written.)`,
          };
    }
    return {
      da: `${base.da} (Fejlen opstod ved skrivning af ${sheets}.${err.partial ? " Projektmappen kan være delvist opdateret; beregn igen, når fejlen er rettet." : " Intet blev ændret."})`,
      en: `${base.en} (The error happened while writing ${sheets}.${err.partial ? " The workbook may be partly updated; calculate again once it is fixed." : " Nothing was changed."})`,
    };
  }
  return base;
}

/** `debugInfo` of an Office error, looked up through our wrappers' `cause`. */
function debugInfoOf(err: unknown): Record<string, unknown> | undefined {
  for (let e: unknown = err, depth = 0; typeof e === "object" && e !== null && depth < 5; depth++) {
    const info = (e as { debugInfo?: unknown }).debugInfo;
    if (typeof info === "object" && info !== null) return info as Record<string, unknown>;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

/**
 * Log an Office error for diagnosis (the browser console of the task pane): our operation, Office's `code`,
 * and from `debugInfo` the `errorLocation` (e.g. "Range.values") and the failing `statement`. Errors that are
 * not from Office (no code, no debugInfo) are not logged here.
 */
export function logOfficeError(operation: string, err: unknown): void {
  const code = officeErrorCode(err);
  const info = debugInfoOf(err);
  if (code === "Unknown" && info === undefined) return;
  console.error(`SØM: Excel error ${code} in ${operation}`, {
    operation,
    code,
    errorLocation: info?.errorLocation,
    statement: info?.statement,
  });
}

/** The codes with a specific message (for tests and documentation). */
export const KNOWN_OFFICE_CODES: readonly string[] = [...MESSAGES.keys()];

"""The program's own words, in every language it speaks, in one place.

Tests look messages up here instead of copying their text, so wording can change
without breaking them.
"""

from __future__ import annotations

from typing import Any

DEFAULT_LANG = "lv"
LANGS = ("lv", "en")

MESSAGES: dict[str, dict[str, str]] = {
    # --- step files -----------------------------------------------------------
    "yaml_syntax": {
        "en": "YAML syntax error: {reason}. Check the indentation and quoting here.",
        "lv": "YAML sintakses kļūda: {reason}. Pārbaudiet atkāpes un pēdiņas šajā vietā.",
    },
    "unsafe_tag": {
        "en": "the tag '{tag}' is not allowed: step files hold plain data only. Remove the tag.",
        "lv": "birka '{tag}' nav atļauta: soļu failos drīkst būt tikai vienkārši dati. "
        "Izņemiet šo birku.",
    },
    "not_utf8": {
        "en": "the file is not UTF-8 text ({reason}). Save it as UTF-8.",
        "lv": "fails nav UTF-8 teksts ({reason}). Saglabājiet to UTF-8 kodējumā.",
    },
    "empty_file": {
        "en": "the file is empty; it should be a mapping with the keys {keys}.",
        "lv": "fails ir tukšs; tajā jābūt kartējumam ar atslēgām {keys}.",
    },
    "not_mapping": {
        "en": "expected a mapping (lines of 'key: value') here, found {found}.",
        "lv": "šeit jābūt kartējumam (rindām 'atslēga: vērtība'), bet atrasts {found}.",
    },
    "missing_key": {
        "en": "the required key '{key}' is missing. Add it.",
        "lv": "trūkst obligātās atslēgas '{key}'. Pievienojiet to.",
    },
    "unknown_key": {
        "en": "unknown key '{key}'.{hint}",
        "lv": "nezināma atslēga '{key}'.{hint}",
    },
    "did_you_mean": {
        "en": " Did you mean '{name}'?",
        "lv": " Varbūt domājāt '{name}'?",
    },
    "allowed_values": {
        "en": " Use one of: {names}.",
        "lv": " Izmantojiet vienu no: {names}.",
    },
    "wrong_type": {
        "en": "'{key}' should be {expected}, but it is {found}.",
        "lv": "'{key}' jābūt {expected}, bet tas ir {found}.",
    },
    "bad_kind": {
        "en": "unknown question kind '{kind}'. Use one of: {kinds}.",
        "lv": "nezināms jautājuma veids '{kind}'. Izmantojiet vienu no: {kinds}.",
    },
    "missing_kind": {
        "en": "the question has no 'kind'. Use one of: {kinds}.",
        "lv": "jautājumam nav norādīts 'kind'. Izmantojiet vienu no: {kinds}.",
    },
    "bad_identifier": {
        "en": "'{key}' must be lower-case letters, digits and '_' "
        "(starting with a letter), not '{value}'.",
        "lv": "'{key}' drīkst saturēt tikai mazos burtus, ciparus un '_' "
        "(sākumā burts), nevis '{value}'.",
    },
    "bad_value": {
        "en": "'{key}' is not acceptable: {reason}.",
        "lv": "'{key}' vērtība nav derīga: {reason}.",
    },
    "bad_literal": {
        "en": "'{key}' must be one of: {expected}; found '{value}'.",
        "lv": "'{key}' jābūt vienam no: {expected}; atrasts '{value}'.",
    },
    "empty_list": {
        "en": "'{key}' must not be empty.",
        "lv": "'{key}' nedrīkst būt tukšs.",
    },
    "missing_step_file": {
        "en": "the step '{step}' has no file {file}.{hint}",
        "lv": "solim '{step}' nav faila {file}.{hint}",
    },
    "missing_pack": {
        "en": "no pack file: {file} is missing. A step folder needs a pack.yaml "
        "that lists its steps.",
        "lv": "nav pakas faila: trūkst {file}. Soļu mapē jābūt pack.yaml, kurā "
        "uzskaitīti soļi.",
    },
    "step_id_mismatch": {
        "en": "the step's id '{id}' differs from its file name '{file}'. "
        "Make them the same.",
        "lv": "soļa id '{id}' atšķiras no faila nosaukuma '{file}'. Padariet tos vienādus.",
    },
    "duplicate_step": {
        "en": "the step '{step}' is listed twice.",
        "lv": "solis '{step}' uzskaitīts divreiz.",
    },
    "duplicate_id": {
        "en": "the {what} id '{id}' is used twice (first at {other}). Ids must be unique.",
        "lv": "{what} id '{id}' izmantots divreiz (pirmoreiz {other}). Id jābūt unikāliem.",
    },
    "duplicate_choice": {
        "en": "the choice value '{value}' appears twice in question '{question}'.",
        "lv": "izvēles vērtība '{value}' jautājumā '{question}' atkārtojas.",
    },
    "empty_step": {
        "en": "the step '{step}' has no questions. Add at least one, or remove the step "
        "from pack.yaml.",
        "lv": "solim '{step}' nav neviena jautājuma. Pievienojiet vismaz vienu vai "
        "izņemiet soli no pack.yaml.",
    },
    "missing_translation": {
        "en": "'{key}' has no '{lang}' text. Every text needs all the pack's languages "
        "({langs}).",
        "lv": "'{key}' nav teksta valodā '{lang}'. Katram tekstam vajag visas pakas "
        "valodas ({langs}).",
    },
    "unknown_language": {
        "en": "'{key}' has text in '{lang}', which the pack does not list ({langs}).",
        "lv": "'{key}' ir teksts valodā '{lang}', kuras pakā nav ({langs}).",
    },
    "expr_syntax": {
        "en": "the {what} '{expr}' does not compile: {reason}.",
        "lv": "{what} '{expr}' nav pareizs izteiksmes pieraksts: {reason}.",
    },
    "expr_unknown_name": {
        "en": "the {what} refers to '{name}', which is not a question.{hint}",
        "lv": "{what} atsaucas uz '{name}', kas nav jautājums.{hint}",
    },
    "expr_later_name": {
        "en": "the {what} refers to '{name}', which is asked later (at {other}). "
        "A {what} may only use earlier answers.",
        "lv": "{what} atsaucas uz '{name}', kas tiek jautāts vēlāk ({other}). "
        "Drīkst izmantot tikai iepriekšējās atbildes.",
    },
    "expr_self": {
        "en": "the {what} of '{name}' refers to the question itself.",
        "lv": "jautājuma '{name}' {what} atsaucas uz sevi pašu.",
    },
    "expr_bad_choice": {
        "en": "the {what} compares '{name}' with '{value}', which is not one of its "
        "choices ({choices}).",
        "lv": "{what} salīdzina '{name}' ar '{value}', bet tādas izvēles nav ({choices}).",
    },
    "default_and_expr": {
        "en": "give either 'default' or 'default_expr', not both.",
        "lv": "norādiet vai nu 'default', vai 'default_expr', ne abus.",
    },
    "bad_default": {
        "en": "the default does not fit the question: {reason}",
        "lv": "noklusējuma vērtība neder šim jautājumam: {reason}",
    },
    "validation_not_for_kind": {
        "en": "'{key}' does not apply to a question of kind '{kind}'.",
        "lv": "'{key}' neattiecas uz jautājumu ar veidu '{kind}'.",
    },
    "bad_pattern": {
        "en": "the pattern '{pattern}' is not a valid regular expression: {reason}.",
        "lv": "šablons '{pattern}' nav derīga regulārā izteiksme: {reason}.",
    },
    "min_above_max": {
        "en": "'min' ({min}) is larger than 'max' ({max}).",
        "lv": "'min' ({min}) ir lielāks par 'max' ({max}).",
    },
    "unknown_source": {
        "en": "the source '{source}' is not in the pack's sources list.{hint}",
        "lv": "avots '{source}' nav pakas avotu sarakstā.{hint}",
    },
    "what_condition": {"en": "condition", "lv": "nosacījums"},
    "what_default": {"en": "default expression", "lv": "noklusējuma izteiksme"},
    "what_validation": {"en": "validation expression", "lv": "pārbaudes izteiksme"},
    "what_question": {"en": "question", "lv": "jautājuma"},
    "what_action": {"en": "action", "lv": "darbības"},
    "what_source": {"en": "source", "lv": "avota"},
    "type_mapping": {"en": "a mapping", "lv": "kartējums"},
    "type_list": {"en": "a list", "lv": "saraksts"},
    "type_text": {"en": "text", "lv": "teksts"},
    "type_number": {"en": "a number", "lv": "skaitlis"},
    "type_whole_number": {"en": "a whole number", "lv": "vesels skaitlis"},
    "type_yes_no": {"en": "true or false", "lv": "true vai false"},
    "type_date": {"en": "a date (YYYY-MM-DD)", "lv": "datums (GGGG-MM-DD)"},
    "type_empty": {"en": "empty", "lv": "tukšs"},
    # --- answers --------------------------------------------------------------
    "answer_required": {
        "en": "An answer is required.",
        "lv": "Atbilde ir obligāta.",
    },
    "answer_not_integer": {
        "en": "Enter a whole number, e.g. 12.",
        "lv": "Ievadiet veselu skaitli, piemēram, 12.",
    },
    "answer_not_number": {
        "en": "Enter a number, e.g. 12.5.",
        "lv": "Ievadiet skaitli, piemēram, 12,5.",
    },
    "answer_below_min": {
        "en": "The smallest allowed value is {min}.",
        "lv": "Mazākā atļautā vērtība ir {min}.",
    },
    "answer_above_max": {
        "en": "The largest allowed value is {max}.",
        "lv": "Lielākā atļautā vērtība ir {max}.",
    },
    "answer_too_short": {
        "en": "Write at least {n} characters.",
        "lv": "Uzrakstiet vismaz {n} rakstzīmes.",
    },
    "answer_too_long": {
        "en": "Write at most {n} characters.",
        "lv": "Uzrakstiet ne vairāk kā {n} rakstzīmes.",
    },
    "answer_pattern": {
        "en": "The answer does not have the expected form.",
        "lv": "Atbildei nav gaidītā formāta.",
    },
    "answer_rule": {
        "en": "The answer does not pass this question's check.",
        "lv": "Atbilde neatbilst šī jautājuma pārbaudei.",
    },
    "answer_not_date": {
        "en": "Enter a date as YYYY-MM-DD or as 1 September 2027.",
        "lv": "Ievadiet datumu formātā DD.MM.GGGG, piemēram, 01.09.2027.",
    },
    "answer_not_yes_no": {
        "en": "Answer yes or no (true/false).",
        "lv": "Atbildiet jā vai nē (true/false).",
    },
    "answer_not_text": {
        "en": "The answer should be text.",
        "lv": "Atbildei jābūt tekstam.",
    },
    "answer_unknown_choice": {
        "en": "'{value}' is not one of the choices ({choices}).",
        "lv": "'{value}' nav viena no izvēlēm ({choices}).",
    },
    "answer_not_list": {
        "en": "The answer should be a list of choices.",
        "lv": "Atbildei jābūt izvēļu sarakstam.",
    },
    "answer_duplicate_choice": {
        "en": "'{value}' is chosen twice.",
        "lv": "'{value}' izvēlēts divreiz.",
    },
    "answers_question": {
        "en": "question '{id}' ({label}): {reason}",
        "lv": "jautājums '{id}' ({label}): {reason}",
    },
    "answers_unknown_question": {
        "en": "'{id}' is not a question of the pack '{pack}'.{hint}",
        "lv": "'{id}' nav pakas '{pack}' jautājums.{hint}",
    },
    "answers_not_applicable": {
        "en": "question '{id}' is answered, but its condition does not hold for these "
        "answers; the answer would be ignored.",
        "lv": "jautājums '{id}' ir atbildēts, bet tā nosacījums šīm atbildēm neizpildās; "
        "atbilde tiktu ignorēta.",
    },
    "answers_other_pack": {
        "en": "the answers were given for the pack '{found}', not '{expected}'.",
        "lv": "atbildes sniegtas pakai '{found}', nevis '{expected}'.",
    },
    "answers_bad_file": {
        "en": "not an answers file: {reason}.",
        "lv": "tas nav atbilžu fails: {reason}.",
    },
    "answers_missing": {
        "en": "still unanswered: {ids}.",
        "lv": "vēl nav atbildēts: {ids}.",
    },
    "condition_failed": {
        "en": "the condition of '{id}' could not be evaluated: {reason}",
        "lv": "jautājuma '{id}' nosacījumu nevarēja izrēķināt: {reason}",
    },
    # --- the wizard -------------------------------------------------------------
    "step_progress": {
        "en": "Step {n} of {total}: {title}",
        "lv": "{n}. solis no {total}: {title}",
    },
    "question_progress": {
        "en": "question {n} of {total} that apply",
        "lv": "{n}. jautājums no {total} attiecināmajiem",
    },
    "back": {"en": "← Back", "lv": "← Atpakaļ"},
    "back_hint": {
        "en": "Type < and Enter to go back.",
        "lv": "Ierakstiet < un nospiediet Enter, lai atgrieztos.",
    },
    "multi_hint": {
        "en": "Space selects, Enter confirms.",
        "lv": "Atstarpe atzīmē, Enter apstiprina.",
    },
    "select_hint": {
        "en": "(arrow keys to move, Enter to choose)",
        "lv": "(ar bultiņām pārvietojieties, ar Enter izvēlieties)",
    },
    "search_hint": {
        "en": "(type to filter, arrow keys to move, Enter to choose)",
        "lv": "(rakstiet, lai atlasītu; bultiņas un Enter, lai izvēlētos)",
    },
    "optional_hint": {
        "en": "Optional: press Enter to skip.",
        "lv": "Nav obligāti: nospiediet Enter, lai izlaistu.",
    },
    "yes": {"en": "Yes", "lv": "Jā"},
    "no": {"en": "No", "lv": "Nē"},
    "skip": {"en": "(skip)", "lv": "(izlaist)"},
    "no_answer": {"en": "—", "lv": "—"},
    "at_start": {
        "en": "This is the first question; there is nothing before it.",
        "lv": "Šis ir pirmais jautājums; pirms tā nekā nav.",
    },
    "review_title": {"en": "Review your answers", "lv": "Pārskatiet atbildes"},
    "review_prompt": {
        "en": "Choose an answer to change, or finish.",
        "lv": "Izvēlieties atbildi, ko mainīt, vai pabeidziet.",
    },
    "review_finish": {"en": "✔ Finish and write the plan", "lv": "✔ Pabeigt un izveidot plānu"},
    "review_quit": {
        "en": "Save and stop for now",
        "lv": "Saglabāt un turpināt vēlāk",
    },
    "review_dropped": {
        "en": "No longer asked, answers removed: {ids}",
        "lv": "Vairs netiek jautāts, atbildes noņemtas: {ids}",
    },
    "review_new": {
        "en": "Now also asked: {ids}",
        "lv": "Tagad jautā arī: {ids}",
    },
    "resume_found": {
        "en": "Unfinished answers found in {file} (stopped at '{question}'). Resume them?",
        "lv": "Atrastas nepabeigtas atbildes failā {file} (apstājāties pie '{question}'). "
        "Turpināt?",
    },
    "resume_hint": {
        "en": "Progress saved to {file}. Resume with: koprade-wizard --answers {file}",
        "lv": "Progress saglabāts failā {file}. Turpiniet ar: koprade-wizard --answers {file}",
    },
    "not_a_terminal": {
        "en": "The wizard needs an interactive terminal. Without one, render a plan "
        "from an answers file: koprade-wizard render ANSWERS.yaml "
        "(check it first with: koprade-wizard check --answers ANSWERS.yaml).",
        "lv": "Vednim vajag interaktīvu termināli. Bez tā izveidojiet plānu no atbilžu "
        "faila: koprade-wizard render ATBILDES.yaml "
        "(vispirms pārbaudiet: koprade-wizard check --answers ATBILDES.yaml).",
    },
    "answers_saved": {
        "en": "Answers saved to {file}.",
        "lv": "Atbildes saglabātas failā {file}.",
    },
    "welcome": {
        "en": "This wizard asks about your co-working space, step by step, and writes "
        "an action plan. Your answers are saved after each question.",
        "lv": "Šis vednis soli pa solim jautās par jūsu koprades telpu un sagatavos "
        "rīcības plānu. Atbildes tiek saglabātas pēc katra jautājuma.",
    },
    "check_ok": {
        "en": "{path}: no problems ({steps} steps, {questions} questions, {actions} action "
        "rules).",
        "lv": "{path}: problēmu nav ({steps} soļi, {questions} jautājumi, {actions} darbību "
        "noteikumi).",
    },
    "check_answers_ok": {
        "en": "{path}: the answers fit the pack ({answered} answered, {missing} still open).",
        "lv": "{path}: atbildes atbilst pakai ({answered} atbildēti, {missing} vēl atvērti).",
    },
    "check_problems": {
        "en": "{count} problem(s) found.",
        "lv": "Atrastas {count} problēmas.",
    },
    "file_not_found": {
        "en": "{path}: no such file.",
        "lv": "{path}: šāda faila nav.",
    },
    "folder_not_found": {
        "en": "{path}: no such folder.",
        "lv": "{path}: šādas mapes nav.",
    },
    "render_missing": {
        "en": "the plan cannot be written yet: {count} required question(s) are "
        "unanswered. Answer them (koprade-wizard --answers FILE), or write a partial "
        "plan with --partial:",
        "lv": "plānu vēl nevar izveidot: {count} obligāti jautājumi nav atbildēti. "
        "Atbildiet uz tiem (koprade-wizard --answers FAILS) vai izveidojiet daļēju plānu "
        "ar --partial:",
    },
    "plan_exists": {
        "en": "a plan is already here; it is kept. Use --force to replace it, or --out "
        "to write elsewhere.",
        "lv": "šeit jau ir plāns; tas netiek mainīts. Lai to aizstātu, izmantojiet --force, "
        "vai ar --out norādiet citu mapi.",
    },
    "plan_written": {
        "en": "Plan written: {files}",
        "lv": "Plāns izveidots: {files}",
    },
    "plan_overwrite": {
        "en": "A plan from an earlier run exists ({file}). Replace it?",
        "lv": "Jau ir plāns no iepriekšējās reizes ({file}). Aizstāt to?",
    },
    # --- command-line help --------------------------------------------------------
    "help_description": {
        "en": "A step-by-step wizard for founding a co-working space (koprades telpa) in "
        "rural Latvia. Without a command it runs the interview.",
        "lv": "Vednis, kas soli pa solim palīdz izveidot koprades telpu Latvijas laukos. Bez "
        "komandas tas sāk interviju.",
    },
    "help_steps": {"en": "step folder (default: the bundled one)",
                   "lv": "soļu mape (pēc noklusējuma: iebūvētā)"},
    "help_lang": {"en": "language (default: lv)", "lv": "valoda (pēc noklusējuma: lv)"},
    "help_answers": {
        "en": "answers file to resume or create (default: koprade-answers.yaml)",
        "lv": "atbilžu fails, ko turpināt vai izveidot (pēc noklusējuma: koprade-answers.yaml)",
    },
    "help_check": {"en": "check step files (and an answers file)",
                   "lv": "pārbaudīt soļu failus (un atbilžu failu)"},
    "help_check_answers": {"en": "also check this answers file against the pack",
                           "lv": "pārbaudīt arī šo atbilžu failu pret paku"},
    "help_schema": {"en": "print the JSON Schema of step files",
                    "lv": "izdrukāt soļu failu JSON shēmu"},
    "help_pack": {"en": "the schema of pack.yaml instead", "lv": "pack.yaml shēmu"},
    "help_questions": {"en": "list every question", "lv": "uzskaitīt visus jautājumus"},
    "help_json": {"en": "machine-readable output", "lv": "mašīnlasāms izvads (JSON)"},
    "help_render": {"en": "write the action plan from an answers file",
                    "lv": "izveidot rīcības plānu no atbilžu faila"},
    "help_out": {"en": "folder for the plan (default: here)",
                 "lv": "mape plānam (pēc noklusējuma: pašreizējā)"},
    "help_format": {"en": "which files to write (default: all)",
                    "lv": "kurus failus rakstīt (pēc noklusējuma: visus)"},
    "help_render_lang": {"en": "language of the plan (default: the answers file's)",
                         "lv": "plāna valoda (pēc noklusējuma: atbilžu faila valoda)"},
    "help_force": {"en": "replace an existing plan", "lv": "aizstāt esošu plānu"},
    "help_partial": {
        "en": "write a plan even if questions are unanswered, marking them",
        "lv": "izveidot plānu arī tad, ja ir neatbildēti jautājumi, tos atzīmējot",
    },
    "interrupted": {
        "en": "Stopped.",
        "lv": "Apturēts.",
    },
    # --- reading answers as people write them ----------------------------------------
    "answer_ambiguous": {
        "en": "“{text}” can be read as {readings}. Which did you mean?",
        "lv": "“{text}” var saprast kā {readings}. Ko jūs domājāt?",
    },
    "answer_ambiguous_file": {
        "en": "“{text}” can be read in more than one way; write the number without "
        "thousands marks, with a dot for decimals (1500 or 1.5), or a date as YYYY-MM-DD.",
        "lv": "“{text}” var saprast vairākos veidos; ierakstiet skaitli bez tūkstošu "
        "atdalītājiem, ar punktu decimāldaļai (1500 vai 1.5), vai datumu kā GGGG-MM-DD.",
    },
    "answer_or": {"en": "{first} or {second}", "lv": "{first} vai {second}"},
    "answer_retype": {"en": "Neither: type it again", "lv": "Ne viens, ne otrs: ierakstīt vēlreiz"},
    "date_hint": {
        "en": "Write a date as 2027-09-01 or 1 September 2027.",
        "lv": "Rakstiet datumu kā 01.09.2027 (DD.MM.GGGG).",
    },
    "edit_hint": {
        "en": "Ctrl+U clears the line.",
        "lv": "Ctrl+U notīra rindu.",
    },
    "what_plausible": {"en": "plausibility expression", "lv": "ticamības izteiksme"},
    "plausible_outside_validate": {
        "en": "plausible '{key}' ({value}) lies outside the allowed range ({min}–{max}); "
        "no answer could ever reach it. Put it inside the 'validate' range.",
        "lv": "ticamības '{key}' ({value}) ir ārpus atļautā diapazona ({min}–{max}); neviena "
        "atbilde to nevar sasniegt. Ievietojiet to 'validate' diapazonā.",
    },
}


def t(key: str, lang: str = DEFAULT_LANG, /, **params: Any) -> str:
    """The message ``key`` in ``lang`` (English if that language lacks it)."""
    entry = MESSAGES[key]
    text = entry.get(lang) or entry["en"]
    return text.format(**params) if params else text

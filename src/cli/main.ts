#!/usr/bin/env node
/**
 * safeguard-desk: the headless face of the core, for IT provisioning, scripted checks and
 * recovery. Errors are one line on stderr with a non-zero status; never a stack trace.
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { SafeguardError } from '../errors';
import { localStorageError } from '../files';
import { FormRegistry } from '../forms';
import { resolveHome } from '../home';
import { UnprotectedFileKeyProvider } from '../storage/key-provider';
import { makeContext } from './context';
import { UsageError } from './io';
import { auditCommand } from './casework-commands';
import { leadCommand, schoolCommand } from './lead-commands';
import { officeCommand } from './office-commands';
import { term } from './terminal-text';
import {
  deliverCommand,
  enrollCommand,
  formsCommand,
  outboxCommand,
  reportCommand,
} from './staff-commands';

const USAGE = `Usage: safeguard-desk <command> [options]

Staff machine:
  enroll [--share DIR]                    enrol this machine with the school share; without
                                          --share, the share and safety code in IT's machine
                                          settings file (docs/machine-settings.md)
  forms list | forms show ID              the forms this installation has
  report --form ID --answers FILE.json --reporter NAME --reporter-role ROLE [--about NAME|ID]
                                          --about: the lead, head or chair it is about (routing)
  outbox                                  concerns filed here: queued, delivered, acknowledged
  deliver [--watch [--interval SECONDS]]  deliver queued concerns now; --watch keeps delivering
                                          in the background until stopped (for IT services)
  school poster --out FILE.pdf [--share DIR] [--replace]
                                          the staff-room poster: how to report, the leads, the
                                          safety code; --share reads the leads from DIR
Safeguarding lead (--passphrase-file FILE, or a prompt on a terminal):
  school init --share DIR --school NAME --lead-name NAME
                                          prints the safety code and your recovery key
  school add-recipient --role deputy|headteacher|chair|office --name NAME
      [--recipient AGE_RECIPIENT | --new-passphrase-file FILE --identity-out FILE]
  school remove-recipient ID              re-sign the profile without them: nothing new is
                                          sealed to them (ID: see school show)
  school set-contacts --file FILE.json    replace the contacts the file gives, e.g.
      {"lastChecked": "2026-09-01", "lado": {"name": "Jo Bloggs", "phone": "01632 960000",
      "web": ""}}; keys: lado socialCareFrontDoor policeEmergency policeNonEmergency ceop
      iwf nspccHelpline nspccWhistleblowing (each {name, phone, web}; school show --json
      prints them all in this form)
  school show                             who receives concerns, with fingerprints; the
                                          contacts; the safety code (no passphrase needed)
  lead join --identity FILE --share DIR --passphrase-file ONE_TIME --new-passphrase-file OWN
                                          join as a lead or office user added by school
                                          add-recipient; the identity file is deleted, the
                                          one-time passphrase stops working; a lead is given
                                          a recovery key, an office user's file is kept as
                                          their office identity (never a lead's)
  lead import | lead list | lead show REFERENCE | lead quarantine [--all]
                                          import also brings in other leads' casework and
                                          delivers yours (docs/event-sync.md)
  lead triage REF --pathway P --priority P [--assign ID] [--reason TEXT]
      [--harm-threshold harmed,offence,risk,unsuitable|none]
  lead action REF --type T [--due YYYY-MM-DD | --due-in-working-days N | --due-in-school-days N]
      [--done] [--spoke-to TEXT] [--advice TEXT]
      [--next-steps TEXT] [--result TEXT] [--shared WHAT --why TEXT --consent C --consent-reason TEXT]
  lead done REF ACTION_ID [--result TEXT]     lead note REF --text TEXT [--opinion]
  lead decide REF --decision TEXT --reason TEXT
  lead close REF --outcome O [--reason TEXT]  lead reopen REF --reason TEXT
  lead search WORDS [--pathway P] [--status S] [--assigned me|others|unassigned]
  lead chronology NAME
  lead people merge PERSON_ID PERSON_ID | lead people unmerge MERGE_ID --reason TEXT
  lead calendar [set --file FILE | add-closure DATE… | remove-closure DATE… | add-term START END]
  lead publish-extract                    publish the anonymised figures for office staff now
                                          (sealed to office users and leads; it also happens
                                          in the app a while after each change)
  audit verify                            check every link and signature of the lead's record
  lead change-passphrase --passphrase-file OLD --new-passphrase-file NEW
  lead recover --recovery-key-file F --new-passphrase-file NEW [--share DIR]
                                          a forgotten passphrase or a new computer: your
                                          recovery key opens your copy on the share
  lead export-identity                    print the age identity for recovery with 'age -d'
Office staff (--passphrase-file FILE, or a prompt on a terminal):
  office init --share DIR                 make your office identity (the file is your new
                                          passphrase); enrols this computer, shows the safety
                                          code, prints the age1… key for the DSL to add with
                                          school add-recipient --role office --recipient KEY
  office status                           your key, the newest extract and the periods on offer
  office export --format csv|xlsx|pdf --out FILE
      (--from YYYY-MM-DD --to YYYY-MM-DD | --period this-term|last-term|academic-year)
      [--threshold N] [--force]           the governors' summary for the period; figures under
                                          N (default 5, never below 3) are shown as c; an
                                          existing FILE is kept unless --force
Options: --json for machine-readable output. State lives in $SAFEGUARD_DESK_HOME when set.`;

const OPTIONS = {
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  share: { type: 'string' },
  school: { type: 'string' },
  'lead-name': { type: 'string' },
  'passphrase-file': { type: 'string' },
  form: { type: 'string' },
  answers: { type: 'string' },
  reporter: { type: 'string' },
  'reporter-role': { type: 'string' },
  about: { type: 'string' },
  role: { type: 'string' },
  name: { type: 'string' },
  recipient: { type: 'string' },
  'new-passphrase-file': { type: 'string' },
  'recovery-key-file': { type: 'string' },
  'identity-out': { type: 'string' },
  identity: { type: 'string' },
  watch: { type: 'boolean' },
  interval: { type: 'string' },
  all: { type: 'boolean' },
  pathway: { type: 'string' },
  priority: { type: 'string' },
  assign: { type: 'string' },
  assigned: { type: 'string' },
  reason: { type: 'string' },
  'harm-threshold': { type: 'string' },
  type: { type: 'string' },
  due: { type: 'string' },
  'spoke-to': { type: 'string' },
  advice: { type: 'string' },
  'next-steps': { type: 'string' },
  result: { type: 'string' },
  done: { type: 'boolean' },
  shared: { type: 'string' },
  why: { type: 'string' },
  consent: { type: 'string' },
  'consent-reason': { type: 'string' },
  text: { type: 'string' },
  opinion: { type: 'boolean' },
  decision: { type: 'string' },
  outcome: { type: 'string' },
  status: { type: 'string' },
  file: { type: 'string' },
  'due-in-working-days': { type: 'string' },
  'due-in-school-days': { type: 'string' },
  out: { type: 'string' },
  replace: { type: 'boolean' },
  format: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  period: { type: 'string' },
  threshold: { type: 'string' },
  force: { type: 'boolean' },
} as const;

/** Runs one command line; returns the exit status. */
export async function run(argv: string[]): Promise<number> {
  try {
    let parsed;
    try {
      parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
    } catch (error) {
      throw new UsageError(
        error instanceof Error
          ? (error.message.split('\n')[0] ?? 'Bad arguments.')
          : 'Bad arguments.',
      );
    }
    const [command, ...positionals] = parsed.positionals;
    if (parsed.values.help) {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    }
    if (!command) {
      process.stderr.write(`${USAGE}\n`);
      return 2;
    }
    const home = resolveHome();
    const { json = false, watch, all, done, opinion, replace, force, ...values } = parsed.values;
    const options = { ...values, help: undefined };
    const ctx = makeContext({
      home,
      keyProvider: new UnprotectedFileKeyProvider(home),
      json,
      positionals,
      options,
      flags: { watch, all, done, opinion, replace, force },
    });
    const forms = FormRegistry.load({ customDir: join(home, 'forms') });
    switch (command) {
      case 'enroll':
        await enrollCommand(ctx);
        break;
      case 'forms':
        formsCommand(ctx, forms);
        break;
      case 'report':
        await reportCommand(ctx, forms);
        break;
      case 'outbox':
        await outboxCommand(ctx);
        break;
      case 'deliver':
        await deliverCommand(ctx);
        break;
      case 'school':
        await schoolCommand(ctx);
        break;
      case 'lead':
        await leadCommand(ctx, forms);
        break;
      case 'audit':
        await auditCommand(ctx);
        break;
      case 'office':
        await officeCommand(ctx, forms);
        break;
      default:
        throw new UsageError(`Unknown command "${command}"; see --help.`);
    }
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    const storage = localStorageError(error);
    if (storage !== null && !(error instanceof SafeguardError)) {
      process.stderr.write(term`safeguard-desk: ${storage.message}\n`);
      return 1;
    }
    if (error instanceof SafeguardError) {
      // Messages quote paths, references and names typed by someone: one line, no control codes.
      process.stderr.write(term`safeguard-desk: ${error.message}\n`);
      return error instanceof UsageError ? 2 : 1;
    }
    // Unexpected: say so without the message, which might quote content.
    const kind = error instanceof Error ? error.name : 'error';
    process.stderr.write(term`safeguard-desk: unexpected internal error (${kind}).\n`);
    return 70;
  }
}

/**
 * Exits once what was printed is flushed. Explicitly: an operation on a share that stopped
 * answering cannot be cancelled, and would otherwise keep the process alive after the answer
 * ("saved, it will go later") was given.
 */
async function exitWhenFlushed(code: number): Promise<never> {
  for (const stream of [process.stdout, process.stderr]) {
    if (stream.writableNeedDrain) await new Promise((resolve) => stream.once('drain', resolve));
  }
  process.exit(code);
}

await exitWhenFlushed(await run(process.argv.slice(2)));

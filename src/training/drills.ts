/**
 * The support training drills, as data. Each drill page (/training/<id>/) shows the customer's
 * words, the objectives, the simulator at `start` with the `scenario` preset, hints and choice
 * questions. Objectives are judged from the engine's state (`judge.ts`). `correctPath` and
 * `wrongPath` document how a drill is solved and how it typically goes wrong; the unit tests
 * play both over the engine for every drill, so a drill added here is tested automatically.
 *
 * Adding a drill: copy one below, give it a new `id` (the page's slug), keep `keyObjective`
 * pointing at one of its objectives, and run `npx vitest run tests/unit/training`.
 */
import { DEMO_CUSTOMER } from '../simulator/client-area/data';
import {
  answered,
  backupCodeSaved,
  enabledOnPhone,
  onlyCurrentEntries,
  phoneClockRight,
  refused,
  signedIn,
  succeeded,
  succeededInOrder,
  typedEntryMatches,
} from './judge';
import {
  BACKUP_LOGIN,
  choose,
  client,
  DISABLE_THEN_ENABLE,
  enterPhoneCode,
  INSTALL_APP,
  logIn,
  loginPhoneCode,
  phone,
  remember,
  saveQuestion,
  SCAN_QR,
  wait,
} from './path';
import type { Drill, DrillState } from './types';

const ACKNOWLEDGE = client({ type: 'backup.acknowledge' });

/** A typical slip reading a key aloud: O, I or B typed as 0, 1 or 8 (the first one found). */
export function mistypeKey(key: string): string {
  const swapped = key.replace(/[OIB]/, (c) => ({ O: '0', I: '1', B: '8' })[c] ?? c);
  return swapped !== key ? swapped : `0${key.slice(1)}`;
}

export const DRILLS: readonly Drill[] = [
  {
    id: 'happy-path',
    title: 'Turn on two-factor authentication, start to finish',
    customer:
      'I want to turn on two-factor authentication, but I have never used an authenticator app. Where do I start?',
    goal: 'Walk through the whole setup: log in, security question, app, QR code, backup code.',
    difficulty: 1,
    minutes: 5,
    start: 'login',
    scenario: 'default',
    objectives: [
      { id: 'login', text: 'Log in to the client area.', done: signedIn },
      {
        id: 'question',
        text: 'Set the security question (this host asks for it first).',
        done: (s) => s.server.question !== null,
      },
      { id: 'install', text: 'Install Google Authenticator on the phone.', done: (s) => s.phone.installed },
      { id: 'enabled', text: 'Turn on 2FA with a code from the phone.', done: enabledOnPhone },
      { id: 'backup', text: 'Save the backup code and close the window.', done: backupCodeSaved },
    ],
    keyObjective: 'enabled',
    hints: [
      'Tick "I\'m not a robot" before you press Login.',
      'After the security question, Security Settings has "Click here to Enable". The phone needs the app from the Play Store first.',
      'In the app, tap + and "Scan a QR code", then type the 6 digits the new entry shows and press Submit.',
    ],
    choices: [],
    expectedRefusals: [],
    correctPath: [
      logIn(),
      saveQuestion(),
      client({ type: 'twofa.enable' }),
      ...INSTALL_APP,
      ...SCAN_QR,
      enterPhoneCode(),
      ACKNOWLEDGE,
    ],
    wrongPath: [
      logIn(),
      saveQuestion(),
      client({ type: 'twofa.enable' }),
      ...INSTALL_APP,
      ...SCAN_QR,
      client({ type: 'enable.submit', code: '000000' }),
    ],
  },
  {
    id: 'every-code-rejected',
    title: 'Customer says every code is rejected',
    customer:
      'I scanned the QR code and typed the code from the app three times now. Every single code is rejected. I even changed my time zone, it made no difference!',
    goal: "Find why every code fails, fix the phone's clock (not its time zone) and finish the setup.",
    difficulty: 2,
    minutes: 6,
    start: 'enable',
    scenario: 'phone-clock-ahead',
    objectives: [
      {
        id: 'reproduce',
        text: "Reproduce it: the phone's code is refused.",
        done: (s) => refused(s, 'early', 'expired'),
      },
      { id: 'clock', text: "Fix the phone's clock.", done: phoneClockRight },
      { id: 'enabled', text: 'Turn on 2FA with a code from the phone.', done: enabledOnPhone },
      { id: 'advice', text: 'Tell the customer what to change on their phone.', done: (s) => answered(s, 'advice') },
    ],
    keyObjective: 'enabled',
    hints: [
      "The code is typed correctly, so compare the phone with the server: look at the phone's status bar.",
      "Codes are computed from the phone's clock. A clock more than about 30 seconds off gives codes the server does not expect.",
      'On the phone: Home, Settings, tick "Set time automatically". Then type the code the app shows now.',
    ],
    choices: [
      {
        id: 'advice',
        prompt: 'What do you tell the customer to change?',
        options: [
          {
            text: 'Turn on "Set time automatically" in the phone\'s Date & time settings.',
            correct: true,
            explanation:
              "The phone's clock is 75 seconds fast, so the app shows the code of a later 30-second window. With the time set automatically, its codes match the server's again.",
          },
          {
            text: "Set the phone's time zone to ours.",
            correct: false,
            explanation:
              'Codes come from the clock in universal time; the time zone only changes how the time is displayed. A wrong clock stays wrong in any time zone.',
          },
          {
            text: 'Delete Google Authenticator and install it again.',
            correct: false,
            explanation: "Reinstalling does not touch the phone's clock, so the new codes are refused just the same.",
          },
        ],
      },
    ],
    expectedRefusals: ['early', 'expired'],
    correctPath: [
      ...SCAN_QR,
      enterPhoneCode(),
      phone({ type: 'phone.clock.set-offset', ms: 0 }),
      enterPhoneCode(),
      ACKNOWLEDGE,
      choose('advice', 0),
    ],
    wrongPath: [...SCAN_QR, enterPhoneCode(), wait(30_000), enterPhoneCode(), choose('advice', 1)],
  },
  {
    id: 'code-typed-too-late',
    title: 'Code typed too late',
    customer:
      'I type the code, but I am slow, and by the time I press Submit it says the code did not match. Is something wrong with my account?',
    goal: 'See why an old code is refused, how long a code stays valid, and what to tell a slow typist.',
    difficulty: 1,
    minutes: 4,
    start: 'enable',
    scenario: 'default',
    objectives: [
      {
        id: 'reproduce',
        text: 'Reproduce it: submit a code more than a minute after the phone showed it.',
        done: (s) => refused(s, 'expired'),
      },
      { id: 'enabled', text: 'Turn on 2FA with a fresh code.', done: enabledOnPhone },
      { id: 'advice', text: 'Advise the customer.', done: (s) => answered(s, 'advice') },
    ],
    keyObjective: 'enabled',
    hints: [
      'Scan the QR code, type the code into the field, and wait until the phone has shown two new codes before you press Submit.',
      'The server accepts the current 30-second window and one either side. An older code is refused as expired.',
      'Type the code the phone shows now and submit it straight away. "Pause the codes" gives a customer more time in this simulator.',
    ],
    choices: [
      {
        id: 'advice',
        prompt: 'What do you tell the customer?',
        options: [
          {
            text: 'Type the code the app shows now and submit it. If the ring is nearly empty, wait for the next code; the previous code is still accepted for a short while.',
            correct: true,
            explanation:
              'A code changes every 30 seconds, and the server also accepts the window just before and just after the current one. A code stays usable for roughly a minute, not longer.',
          },
          {
            text: 'Each code works for exactly 30 seconds: type faster.',
            correct: false,
            explanation:
              'The server also accepts the previous window, so a code typed just after it changed still works. Rushing is not the fix; typing the current code is.',
          },
          {
            text: 'Their account is locked: we will unlock it.',
            correct: false,
            explanation:
              'One refused code locks nothing: the enable window locks for a few minutes only after five wrong codes in a row. The message only means the code was too old; nothing on the account needs changing.',
          },
        ],
      },
    ],
    expectedRefusals: ['expired'],
    correctPath: [
      ...SCAN_QR,
      remember,
      wait(65_000),
      client((_, typed) => ({ type: 'enable.submit', code: typed })),
      enterPhoneCode(),
      ACKNOWLEDGE,
      choose('advice', 0),
    ],
    wrongPath: [
      ...SCAN_QR,
      remember,
      wait(65_000),
      client((_, typed) => ({ type: 'enable.submit', code: typed })),
      choose('advice', 1),
    ],
  },
  {
    id: 'old-qr-after-reopening',
    title: 'Scanned the QR code, then reopened the window',
    customer:
      'I scanned the QR code, then closed the window to look for my phone. When I opened "Enable" again and typed the code from the app, it said it did not match.',
    goal: 'Understand why reopening the window makes an earlier scan useless, and set up 2FA with the new QR code.',
    difficulty: 2,
    minutes: 5,
    start: 'enable',
    scenario: 'default',
    objectives: [
      {
        id: 'reproduce',
        text: 'Reproduce it: scan, close and reopen the window, and type the code of the earlier entry.',
        done: (s) => refused(s, 'stale-secret'),
      },
      { id: 'enabled', text: 'Turn on 2FA with an entry scanned from the window that is open.', done: enabledOnPhone },
      { id: 'tidy', text: 'Delete the outdated entry from the app.', done: onlyCurrentEntries },
      { id: 'advice', text: 'Advise the customer.', done: (s) => answered(s, 'advice') },
    ],
    keyObjective: 'enabled',
    hints: [
      'Compare the key in the window now with the one you scanned before: open "Under the hood" if a trainer has switched it on, or look at the entries in the app.',
      'Every time the Enable window opens, the client area makes a new key. Codes of the earlier key no longer match.',
      "Delete the old entry (the × next to it), scan the QR code in the window that is open now, and type the new entry's code.",
    ],
    choices: [
      {
        id: 'advice',
        prompt: 'What do you tell the customer?',
        options: [
          {
            text: "Delete the entry you scanned before, scan the QR code in the window that is open now, and type that entry's code.",
            correct: true,
            explanation:
              'Closing the window threw its key away; reopening it made a new key. Only an entry scanned from the open window has the key the server checks.',
          },
          {
            text: 'Wait for the next code from the same entry and try again.',
            correct: false,
            explanation:
              'Every code of the old entry comes from the old key, which the server no longer uses: waiting does not help.',
          },
          {
            text: 'Close and reopen the window until the code works.',
            correct: false,
            explanation:
              'Each reopening makes yet another key, so the old entry drifts further away. Scan the QR code that is on screen.',
          },
        ],
      },
    ],
    expectedRefusals: ['stale-secret'],
    correctPath: [
      ...SCAN_QR,
      client({ type: 'enable.close' }),
      client({ type: 'twofa.enable' }),
      enterPhoneCode(),
      phone((sim) => ({ type: 'phone.account.remove', id: sim.phoneView().accounts[0]?.id ?? '' })),
      ...SCAN_QR,
      enterPhoneCode(),
      ACKNOWLEDGE,
      choose('advice', 0),
    ],
    wrongPath: [
      ...SCAN_QR,
      client({ type: 'enable.close' }),
      client({ type: 'twofa.enable' }),
      enterPhoneCode(),
      wait(30_000),
      enterPhoneCode(),
      choose('advice', 1),
    ],
  },
  {
    id: 'stale-look-alike-entry',
    title: 'An old look-alike entry in the app',
    customer:
      'My authenticator app already has an "Example Hosting" entry from last year. I type its code and the client area keeps saying it did not match.',
    goal: 'Spot the outdated entry, set up 2FA with a new one, and leave only the working entry on the phone.',
    difficulty: 2,
    minutes: 5,
    start: 'enable',
    scenario: 'stale-entry',
    objectives: [
      { id: 'enabled', text: 'Turn on 2FA with an entry scanned from the open window.', done: enabledOnPhone },
      { id: 'tidy', text: 'Delete the old look-alike entry.', done: onlyCurrentEntries },
      { id: 'advice', text: 'Tell the customer which code to type.', done: (s) => answered(s, 'advice') },
    ],
    keyObjective: 'enabled',
    hints: [
      'The entry on the phone was there before this window opened. Which key does it hold?',
      'An entry from an earlier setup has an earlier key. The server only knows the key in the open window.',
      "Scan the QR code on screen (a second entry appears), type the new entry's code, then delete the old entry.",
    ],
    choices: [
      {
        id: 'advice',
        prompt: 'The app shows two "Example Hosting" entries. Which code should the customer type?',
        options: [
          {
            text: 'The code of the entry just scanned from the open window; then delete the older entry.',
            correct: true,
            explanation:
              'Each setup makes a new key. The new entry has the key the server checks; the old one will never match again and only causes confusion.',
          },
          {
            text: 'The code of the first entry, because it was there first.',
            correct: false,
            explanation:
              'The first entry holds the key of a setup that was never finished or was replaced; its codes are refused.',
          },
          {
            text: 'Either: both entries show the same codes.',
            correct: false,
            explanation: 'Look-alike names do not mean the same key. Different keys give different codes.',
          },
        ],
      },
    ],
    expectedRefusals: ['wrong'],
    correctPath: [
      ...SCAN_QR,
      enterPhoneCode('newest'),
      phone((sim) => ({ type: 'phone.account.remove', id: sim.phoneView().accounts[0]?.id ?? '' })),
      ACKNOWLEDGE,
      choose('advice', 0),
    ],
    wrongPath: [enterPhoneCode('oldest'), wait(30_000), enterPhoneCode('oldest'), choose('advice', 1)],
  },
  {
    id: 'manual-key-mistyped',
    title: 'Setup key typed by hand',
    customer:
      "My phone's camera is broken, so I typed the key by hand. The app says the key has characters that are not allowed. I typed exactly what I saw: zero, one, eight...",
    goal: 'Add the account by typing the key, and explain which characters a key can contain.',
    difficulty: 2,
    minutes: 5,
    start: 'enable',
    scenario: 'default',
    objectives: [
      { id: 'typed', text: 'Add the account by typing the key (no scanning).', done: typedEntryMatches },
      {
        id: 'enabled',
        text: 'Turn on 2FA with the code of the typed entry.',
        done: (s: DrillState) => enabledOnPhone(s) && typedEntryMatches(s),
      },
      { id: 'advice', text: 'Explain the characters of a key.', done: (s) => answered(s, 'advice') },
    ],
    keyObjective: 'typed',
    hints: [
      'In the app: + and "Enter a setup key". Any account name will do.',
      'A key uses only the letters A to Z and the digits 2 to 7. There is no 0, 1, 8 or 9 in it.',
      'What looks like 0 is the letter O, 1 is the letter I, 8 is the letter B. Spaces and lower case are fine.',
    ],
    choices: [
      {
        id: 'advice',
        prompt: 'Reading the key aloud, the customer says "zero", "one" and "eight". What do you tell them?',
        options: [
          {
            text: 'The key has only the letters A-Z and the digits 2-7: a 0 is the letter O, a 1 is the letter I, an 8 is the letter B.',
            correct: true,
            explanation:
              'Setup keys are Base32, whose alphabet leaves out 0, 1, 8 and 9 precisely because they look like O, I and B.',
          },
          {
            text: 'Type the key in lower case.',
            correct: false,
            explanation:
              'Case does not matter: the app accepts upper and lower case. The problem is the characters themselves.',
          },
          {
            text: 'Leave out the spaces.',
            correct: false,
            explanation: 'Spaces are forgiven; they only group the key for reading. The problem is 0, 1 and 8.',
          },
        ],
      },
    ],
    expectedRefusals: [],
    correctPath: [
      phone({ type: 'phone.add.open' }),
      phone({ type: 'phone.add.manual' }),
      phone((sim) => ({
        type: 'phone.manual.submit',
        accountName: DEMO_CUSTOMER.email,
        key: sim.view().enrollment?.keyGrouped.toLowerCase() ?? '',
      })),
      enterPhoneCode(),
      ACKNOWLEDGE,
      choose('advice', 0),
    ],
    wrongPath: [
      phone({ type: 'phone.add.open' }),
      phone({ type: 'phone.add.manual' }),
      phone((sim) => ({
        type: 'phone.manual.submit',
        accountName: DEMO_CUSTOMER.email,
        key: mistypeKey(sim.view().enrollment?.key ?? ''),
      })),
      choose('advice', 1),
    ],
  },
  {
    id: 'lost-phone-backup-code',
    title: 'Lost phone, backup code at hand',
    customer:
      'I lost my phone and bought a new one. I still have the backup code I wrote down when I set up two-factor authentication. How do I get back in and use my new phone?',
    goal: 'Log in with the backup code, note the new one, turn 2FA off and on again with the new phone.',
    difficulty: 3,
    minutes: 8,
    start: 'login-2fa',
    scenario: 'lost-phone',
    customerHasBackupCode: true,
    objectives: [
      { id: 'backup-login', text: 'Log in with the backup code.', done: (s) => succeeded(s, 'backup-login') },
      {
        id: 'new-code',
        text: 'Note the new backup code the client area shows, then continue.',
        done: (s) => succeeded(s, 'backup-login') && signedIn(s) && s.view.screen !== 'backup-login-done',
      },
      { id: 'disabled', text: 'Turn 2FA off.', done: (s) => succeeded(s, 'disabled') },
      {
        id: 'moved',
        text: 'Turn 2FA on again with the new phone and save the new backup code.',
        done: (s) => succeededInOrder(s, 'disabled', 'enabled') && enabledOnPhone(s) && backupCodeSaved(s),
      },
    ],
    keyObjective: 'backup-login',
    hints: [
      'Under the 6-digit field: "Can\'t Access Your 2nd Factor Device?"',
      '"Login using Backup Code" takes the 16-character code the customer wrote down. It works once, and a new one is shown.',
      'Once in: Security Settings, "Click here to Disable" (with the password), then "Click here to Enable" and scan with the new phone.',
    ],
    choices: [],
    expectedRefusals: [],
    correctPath: [
      logIn(),
      ...BACKUP_LOGIN,
      client({ type: 'backup-login.continue' }),
      ...DISABLE_THEN_ENABLE,
      ...SCAN_QR,
      enterPhoneCode(),
      ACKNOWLEDGE,
    ],
    wrongPath: [
      logIn(),
      client((sim) => ({ type: 'secondfactor.submit', code: sim.savedBackupCode() ?? '' })),
      client({ type: 'secondfactor.submit', code: '000000' }),
    ],
  },
  {
    id: 'new-phone-same-google',
    title: 'New phone, same Google account',
    customer:
      'I have a new phone and signed in with the same Google account as on my old one. Do I have to set up two-factor authentication again?',
    goal: 'Install the app on the new phone, see the entry come back through Google sync, and log in with it.',
    difficulty: 1,
    minutes: 4,
    start: 'login-2fa',
    scenario: 'new-phone-same-google',
    objectives: [
      { id: 'install', text: 'Install Google Authenticator on the new phone.', done: (s) => s.phone.installed },
      { id: 'restored', text: "Find the client area's entry in the app.", done: enabledOnPhone },
      { id: 'login', text: 'Log in with the code from the new phone.', done: (s) => succeeded(s, 'signed-in') },
      { id: 'why', text: 'Explain why the entry came back.', done: (s) => answered(s, 'why') },
    ],
    keyObjective: 'login',
    hints: [
      'Start on the phone: the Play Store has Google Authenticator.',
      'Open the app after installing it: the phone is signed in to the same Google account as the old one.',
      'Log in with "I\'m not a robot" ticked and type the code the restored entry shows. The backup code is not needed.',
    ],
    choices: [
      {
        id: 'why',
        prompt: 'Why did the entry come back on the new phone?',
        options: [
          {
            text: 'Google Authenticator synced it to the Google account, and the new phone is signed in to the same account.',
            correct: true,
            explanation:
              'With sync on, entries are backed up to the Google account and restored on any phone signed in to it.',
          },
          {
            text: 'The client area sent the codes to the new phone.',
            correct: false,
            explanation: 'The client area never sends codes: the app computes them from the key it holds.',
          },
          {
            text: 'Entries always come back on a new phone.',
            correct: false,
            explanation:
              'Only with the same Google account (and sync on). With another account nothing comes back; see the drill "New phone, another Google account".',
          },
        ],
      },
    ],
    expectedRefusals: [],
    correctPath: [...INSTALL_APP, logIn(), loginPhoneCode(), choose('why', 0)],
    wrongPath: [...INSTALL_APP, logIn(), ...BACKUP_LOGIN, choose('why', 2)],
  },
  {
    id: 'new-phone-other-google',
    title: 'New phone, another Google account',
    customer:
      'I installed Google Authenticator on my new phone but the Example Hosting code is not there. My old phone is wiped. I do have my backup code.',
    goal: 'Find why the entry is missing, then move 2FA to the new phone with the backup code.',
    difficulty: 3,
    minutes: 8,
    start: 'login-2fa',
    scenario: 'new-phone-other-google',
    customerHasBackupCode: true,
    objectives: [
      {
        id: 'install',
        text: 'Install the app on the new phone and look for the entry.',
        done: (s) => s.phone.installed,
      },
      { id: 'why', text: 'Explain why the entry is missing.', done: (s) => answered(s, 'why') },
      { id: 'backup-login', text: 'Log in with the backup code.', done: (s) => succeeded(s, 'backup-login') },
      {
        id: 'moved',
        text: 'Turn 2FA off and on again with the new phone.',
        done: (s) => succeededInOrder(s, 'disabled', 'enabled') && enabledOnPhone(s) && backupCodeSaved(s),
      },
    ],
    keyObjective: 'backup-login',
    hints: [
      "Look at the phone's Settings: which Google account is it signed in to?",
      'The old phone synced its entries to another Google account, so nothing comes back here. The backup code still works.',
      '"Login using Backup Code", continue, then Disable (password) and Enable again, scanning with the new phone.',
    ],
    choices: [
      {
        id: 'why',
        prompt: 'Why is the entry missing on the new phone?',
        options: [
          {
            text: 'The new phone is signed in to another Google account than the one the old phone synced to.',
            correct: true,
            explanation:
              'Entries come back only from the Google account they were synced to. Signing in to that account would restore them; otherwise the backup code is the way back in.',
          },
          {
            text: 'The client area removed the entry when the old phone was wiped.',
            correct: false,
            explanation:
              'The client area knows nothing about the phone. Entries live in the app (and its Google backup).',
          },
          {
            text: 'The app needs a day to download the entries.',
            correct: false,
            explanation:
              'Sync is immediate on the same Google account. Here the account is a different one, so no wait will help.',
          },
        ],
      },
    ],
    expectedRefusals: [],
    correctPath: [
      ...INSTALL_APP,
      choose('why', 0),
      logIn(),
      ...BACKUP_LOGIN,
      client({ type: 'backup-login.continue' }),
      ...DISABLE_THEN_ENABLE,
      ...SCAN_QR,
      enterPhoneCode(),
      ACKNOWLEDGE,
    ],
    wrongPath: [...INSTALL_APP, logIn(), client({ type: 'secondfactor.submit', code: '000000' }), choose('why', 2)],
  },
  {
    id: 'security-question-loop',
    title: 'The security question keeps being asked',
    customer:
      'Every time I try to turn on two-factor authentication it sends me to set my security question. I have saved it three times already!',
    goal: 'Check that the question is saved on the account and give the advice that ends the loop.',
    difficulty: 1,
    minutes: 3,
    start: 'security-question',
    scenario: 'default',
    objectives: [
      { id: 'saved', text: 'Save the security question.', done: (s) => s.server.question !== null },
      {
        id: 'relogin',
        text: 'Log out and in again: the client area goes straight to Security Settings.',
        done: (s) =>
          succeededInOrder(s, 'question-saved', 'signed-out', 'signed-in') &&
          signedIn(s) &&
          s.view.screen === 'security-settings',
      },
      { id: 'advice', text: 'Advise the customer.', done: (s) => answered(s, 'advice') },
    ],
    keyObjective: 'advice',
    hints: [
      'Save the question, then log out from the "Hello, Alex!" menu and log in again. Where do you land?',
      'The client area remembers the question: the loop the customer sees is not on the account.',
      'An old page kept by the browser (a stale session) keeps showing the question form. Clearing the cache ends it.',
    ],
    choices: [
      {
        id: 'advice',
        prompt: 'The question is saved on the account, yet the customer is asked again and again. What do you advise?',
        options: [
          {
            text: "Clear the browser's cache (or try a private window), then log in again.",
            correct: true,
            explanation:
              'The account has the question, as the simulator showed. The browser keeps showing a page from an old session; clearing the cache makes it load the current one.',
          },
          {
            text: 'Save the question again, with a different answer.',
            correct: false,
            explanation:
              'It is already saved; saving again changes nothing the browser shows, and a new answer only adds something to forget.',
          },
          {
            text: 'Skip 2FA for now, so the question is not needed.',
            correct: false,
            explanation:
              "Never trade security for a browser glitch: the fix is on the customer's browser, and 2FA should still go on.",
          },
        ],
      },
    ],
    expectedRefusals: [],
    correctPath: [saveQuestion(), client({ type: 'session.signout' }), logIn(), choose('advice', 0)],
    wrongPath: [saveQuestion('Biscuit', 'Biscut'), choose('advice', 1)],
  },
  {
    id: 'login-refusals',
    title: 'Captcha, password or second factor?',
    customer: 'It says my login details are incorrect, but I am sure my password is right. Is it the code from my app?',
    goal: 'Tell the three login refusals apart by their messages, and log in properly.',
    difficulty: 2,
    minutes: 5,
    start: 'login-2fa',
    scenario: 'default',
    objectives: [
      { id: 'captcha', text: 'See the refusal without "I\'m not a robot" ticked.', done: (s) => refused(s, 'captcha') },
      { id: 'password', text: 'See the refusal for a wrong password.', done: (s) => refused(s, 'credentials') },
      {
        id: 'code',
        text: 'See the refusal for a wrong 6-digit code.',
        done: (s) => refused(s, 'wrong', 'expired', 'early', 'reused'),
      },
      { id: 'login', text: 'Log in with the right details and code.', done: (s) => succeeded(s, 'signed-in') },
      { id: 'advice', text: 'Tell the customer what their message means.', done: (s) => answered(s, 'advice') },
    ],
    keyObjective: 'advice',
    hints: [
      'Try each mistake on purpose: untick the box, change the password, type 000000 as the code. Read each message.',
      'The captcha is checked first, then the email and password; the code is asked for only after both are accepted.',
      '"Login Details Incorrect" is about the email address or the password. A wrong code reads "The second factor you supplied was incorrect".',
    ],
    choices: [
      {
        id: 'advice',
        prompt: 'The customer reads "Login Details Incorrect. Please try again." What is wrong?',
        options: [
          {
            text: 'The email address or the password.',
            correct: true,
            explanation:
              'That message comes only from the email and password check. The 6-digit code has not even been asked for yet.',
          },
          {
            text: 'The "I\'m not a robot" box was not ticked.',
            correct: false,
            explanation:
              'A missing tick gives "Please complete the captcha and try again." and is checked before the password.',
          },
          {
            text: 'The 6-digit code from the app.',
            correct: false,
            explanation:
              'The code is asked for on the next screen, after the email and password are accepted; a wrong code reads "The second factor you supplied was incorrect."',
          },
        ],
      },
    ],
    expectedRefusals: ['captcha', 'credentials', 'wrong', 'expired', 'early', 'reused'],
    correctPath: [
      logIn({ captcha: false }),
      logIn({ password: 'not-my-password' }),
      logIn(),
      client({ type: 'secondfactor.submit', code: '000000' }),
      loginPhoneCode(),
      choose('advice', 0),
    ],
    wrongPath: [logIn({ captcha: false }), logIn({ captcha: false }), choose('advice', 2)],
  },
  {
    id: 'unverified-caller',
    title: '"Please just turn off my 2FA"',
    customer:
      'Hi, this is Alex Morgan, alex.morgan@example.com. I lost my phone and I need to get into my account right now. Please just turn off my two-factor authentication.',
    goal: 'Handle a request to turn off 2FA from a caller whose identity is not verified.',
    difficulty: 2,
    minutes: 4,
    start: 'login-2fa',
    scenario: 'lost-phone',
    customerHasBackupCode: true,
    objectives: [
      { id: 'verify', text: 'Decide what to do first.', done: (s) => answered(s, 'first') },
      { id: 'self-service', text: 'Choose the way back in.', done: (s) => answered(s, 'next') },
      {
        id: 'backup-login',
        text: 'Walk the customer through it: log in with the backup code.',
        done: (s) => succeeded(s, 'backup-login'),
      },
    ],
    keyObjective: 'verify',
    hints: [
      'Anyone can give a name and an email address. What protects the real Alex?',
      "Support turns 2FA off only after verifying the caller's identity, and only when the customer has neither the phone nor the backup code.",
      'Verify first. Then ask about the backup code: with it, the customer gets in alone ("Login using Backup Code").',
    ],
    choices: [
      {
        id: 'first',
        prompt: 'What do you do first?',
        options: [
          {
            text: "Verify the caller's identity by the company's procedure before changing anything on the account.",
            correct: true,
            explanation:
              'Two-factor authentication exists to stop someone who knows a password. Turning it off for whoever asks would undo it; identity comes first.',
          },
          {
            text: 'Turn 2FA off: they gave the right name and email address.',
            correct: false,
            explanation:
              'Names and email addresses are easy to find. Turning off 2FA for an unverified caller could hand the account to an attacker.',
          },
          {
            text: 'Ask them to read out the 6-digit code from their app.',
            correct: false,
            explanation:
              'They have no phone, and support never asks for codes: a code read out to anyone is a code an attacker could use.',
          },
        ],
      },
      {
        id: 'next',
        prompt: 'Verified. The caller says they still have the backup code they saved. What now?',
        options: [
          {
            text: 'Guide them to "Login using Backup Code"; once in, they can turn 2FA off or move it to a new phone themselves.',
            correct: true,
            explanation:
              'The backup code exists for exactly this. The customer stays in control, and support changes nothing on the account.',
          },
          {
            text: 'Ask them to read the backup code to you, and log in for them.',
            correct: false,
            explanation: 'A backup code is a password. Never ask for it: the customer types it themselves.',
          },
          {
            text: 'Turn 2FA off for them anyway, to save time.',
            correct: false,
            explanation:
              'Not needed: with the backup code they can do it themselves. Support disables 2FA only when there is no other way in.',
          },
        ],
      },
    ],
    expectedRefusals: [],
    correctPath: [choose('first', 0), choose('next', 0), logIn(), ...BACKUP_LOGIN],
    wrongPath: [choose('first', 1), choose('next', 2)],
  },
];

export function drillById(id: string): Drill | undefined {
  return DRILLS.find((drill) => drill.id === id);
}

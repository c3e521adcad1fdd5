/** Training drill `/training/new-phone-other-google/` (the list and how to add one: ./index.ts). */
import { answered, backupCodeSaved, enabledOnPhone, succeeded, succeededInOrder } from '../judge';
import {
  BACKUP_LOGIN,
  choose,
  client,
  DISABLE_THEN_ENABLE,
  enterPhoneCode,
  INSTALL_APP,
  logIn,
  SAVE_BACKUP_CODE,
  SCAN_QR,
} from '../path';
import type { Drill } from '../types';

export const newPhoneOtherGoogle: Drill = {
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
    'Look at the phone’s Settings: which Google account is it signed in to?',
    'The old phone synced its entries to another Google account, so nothing comes back here. The backup code still works.',
    '“Login using Backup Code”, continue, then Disable (password) and Enable again, scanning with the new phone.',
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
    ...SAVE_BACKUP_CODE,
  ],
  wrongPath: [...INSTALL_APP, logIn(), client({ type: 'secondfactor.submit', code: '000000' }), choose('why', 2)],
};

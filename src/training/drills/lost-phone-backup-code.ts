/** Training drill `/training/lost-phone-backup-code/` (the list and how to add one: ./index.ts). */
import { backupCodeSaved, enabledOnPhone, signedIn, succeeded, succeededInOrder } from '../judge';
import { BACKUP_LOGIN, client, DISABLE_THEN_ENABLE, enterPhoneCode, logIn, SAVE_BACKUP_CODE, SCAN_QR } from '../path';
import type { Drill } from '../types';

export const lostPhoneBackupCode: Drill = {
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
    "Under the 6-digit field: “Can't Access Your 2nd Factor Device?”",
    '“Login using Backup Code” takes the 16-character code the customer wrote down. It works once, and a new one is shown.',
    'Once in: Security Settings, “Click here to Disable” (with the password), then “Click here to Enable” and scan with the new phone.',
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
    ...SAVE_BACKUP_CODE,
  ],
  wrongPath: [
    logIn(),
    client((sim) => ({ type: 'secondfactor.submit', code: sim.savedBackupCode() ?? '' })),
    client({ type: 'secondfactor.submit', code: '000000' }),
  ],
};

/** Training drill `/training/stale-look-alike-entry/` (the list and how to add one: ./index.ts). */
import { answered, enabledOnPhone, onlyCurrentEntries } from '../judge';
import { choose, enterPhoneCode, phone, SAVE_BACKUP_CODE, SCAN_QR, wait } from '../path';
import type { Drill } from '../types';

export const staleLookAlikeEntry: Drill = {
  id: 'stale-look-alike-entry',
  title: 'An old look-alike entry in the app',
  customer:
    'My authenticator app already has an “Example Hosting” entry from last year. I type its code and the client area keeps saying it did not match.',
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
    'Scan the QR code on screen (a second entry appears), type the new entry’s code, then delete the old entry.',
  ],
  choices: [
    {
      id: 'advice',
      prompt: 'The app shows two “Example Hosting” entries. Which code should the customer type?',
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
    ...SAVE_BACKUP_CODE,
    choose('advice', 0),
  ],
  wrongPath: [enterPhoneCode('oldest'), wait(30_000), enterPhoneCode('oldest'), choose('advice', 1)],
};

/** Training drill `/training/manual-key-mistyped/` (the list and how to add one: ./index.ts). */
import { DEMO_CUSTOMER } from '../../simulator/client-area/data';
import { answered, enabledOnPhone, typedEntryMatches } from '../judge';
import { choose, enterPhoneCode, phone, SAVE_BACKUP_CODE } from '../path';
import type { Drill, DrillState } from '../types';

/** A typical slip reading a key aloud: O, I or B typed as 0, 1 or 8 (the first one found). */
export function mistypeKey(key: string): string {
  const swapped = key.replace(/[OIB]/, (c) => ({ O: '0', I: '1', B: '8' })[c] ?? c);
  return swapped !== key ? swapped : `0${key.slice(1)}`;
}

export const manualKeyMistyped: Drill = {
  id: 'manual-key-mistyped',
  title: 'Setup key typed by hand',
  customer:
    'My phone’s camera is broken, so I typed the key by hand. The app says the key has characters that are not allowed. I typed exactly what I saw: zero, one, eight...',
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
    'In the app: + and “Enter a setup key”. Any account name will do.',
    'A key uses only the letters A to Z and the digits 2 to 7. There is no 0, 1, 8 or 9 in it.',
    'What looks like 0 is the letter O, 1 is the letter I, 8 is the letter B. Spaces and lower case are fine.',
  ],
  choices: [
    {
      id: 'advice',
      prompt: 'Reading the key aloud, the customer says “zero”, “one” and “eight”. What do you tell them?',
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
    ...SAVE_BACKUP_CODE,
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
};

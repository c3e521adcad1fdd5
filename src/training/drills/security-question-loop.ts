/** Training drill `/training/security-question-loop/` (the list and how to add one: ./index.ts). */
import { answered, signedIn, succeededInOrder } from '../judge';
import { choose, client, logIn, saveQuestion } from '../path';
import type { Drill } from '../types';

export const securityQuestionLoop: Drill = {
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
    'Save the question, then log out from the “Hello, Alex!” menu and log in again. Where do you land?',
    'The client area remembers the question: the loop the customer sees is not on the account.',
    'An old page kept by the browser (a stale session) keeps showing the question form. Clearing the cache ends it.',
  ],
  choices: [
    {
      id: 'advice',
      prompt: 'The question is saved on the account, yet the customer is asked again and again. What do you advise?',
      options: [
        {
          text: 'Clear the browser’s cache (or try a private window), then log in again.',
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
            'Never trade security for a browser glitch: the fix is on the customer’s browser, and 2FA should still go on.',
        },
      ],
    },
  ],
  expectedRefusals: [],
  correctPath: [saveQuestion(), client({ type: 'session.signout' }), logIn(), choose('advice', 0)],
  wrongPath: [saveQuestion('Biscuit', 'Biscut'), choose('advice', 1)],
};

/** The exit-code contract of every face (secretlint's 0/1/2). */
export const EXIT_ALLOWED = 0;
export const EXIT_BLOCKED = 1;
export const EXIT_FAILURE = 2;

/**
 * Refusals with stable codes: the base of the exceptions that services throw for a request they refuse, so that one
 * place in the console shows any of them in the user's language. A bottom package: it uses nothing of the project.
 */
package io.leadgate.refusal;

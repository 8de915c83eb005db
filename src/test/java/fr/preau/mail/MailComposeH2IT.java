package fr.preau.mail;

import fr.preau.testsupport.H2Context;

@H2Context
class MailComposeH2IT extends MailComposeContract {}

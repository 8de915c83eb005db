package fr.preau.delivery;

import fr.preau.testsupport.H2Context;

@H2Context
class MailFlowH2IT extends MailFlowContract {}

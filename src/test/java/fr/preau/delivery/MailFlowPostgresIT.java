package fr.preau.delivery;

import fr.preau.testsupport.PostgresContext;

@PostgresContext
class MailFlowPostgresIT extends MailFlowContract {}

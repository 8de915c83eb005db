package fr.preau.identity.web;

import fr.preau.testsupport.PostgresContext;

@PostgresContext
class LoginHttpPostgresIT extends LoginHttpContract {}

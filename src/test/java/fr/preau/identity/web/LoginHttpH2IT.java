package fr.preau.identity.web;

import fr.preau.testsupport.H2Context;

@H2Context
class LoginHttpH2IT extends LoginHttpContract {}

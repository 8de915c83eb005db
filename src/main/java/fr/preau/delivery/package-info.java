/**
 * Delivery: the SMTP listeners (MX for the hosted domains, submission for agents' clients),
 * local delivery into the mail store, the persistent outbound queue with retries and
 * delivery status notifications, and the checks and marks on the way (SPF, DKIM, DMARC,
 * spam verdict). Works on the mail store through the mail module's API only.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Delivery")
package fr.preau.delivery;

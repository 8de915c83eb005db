package fr.preau.admin.cli.account;

import picocli.CommandLine.Command;

/** {@code preau admin account ...}: create, import, look up and manage agents' accounts. */
@Command(name = "account", subcommands = {
        AccountCreate.class, AccountImport.class, AccountList.class, AccountShow.class, AccountSuspend.class,
        AccountReactivate.class, AccountDelete.class, AccountReissueCode.class, AccountExpirePassword.class,
        AccountUnlock.class})
public class AccountCommands {}

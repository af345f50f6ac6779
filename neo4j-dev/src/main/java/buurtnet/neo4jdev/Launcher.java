package buurtnet.neo4jdev;
public final class Launcher { public static void main(String[] a) {} }

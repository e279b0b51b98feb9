package io.crvs.locations;

/**
 * The population and crude birth rate (births per 1000 people) of an administrative area in one year; what
 * OpenCRVS uses for estimated events and completeness rates.
 */
public record YearStatistics(int year, long malePopulation, long femalePopulation, long population,
        double crudeBirthRate) {

    public static final int FIRST_YEAR = 1900;
    public static final int LAST_YEAR = 2200;
    public static final long MAX_POPULATION = 100_000_000_000L;
    public static final double MAX_CRUDE_BIRTH_RATE = 1000;

    public YearStatistics {
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw new IllegalArgumentException("year " + year + " is outside " + FIRST_YEAR + "-" + LAST_YEAR);
        }
        if (malePopulation < 0 || femalePopulation < 0 || population < 0 || malePopulation > MAX_POPULATION
                || femalePopulation > MAX_POPULATION || population > MAX_POPULATION) {
            throw new IllegalArgumentException("populations must be between 0 and " + MAX_POPULATION);
        }
        if (!(crudeBirthRate >= 0 && crudeBirthRate <= MAX_CRUDE_BIRTH_RATE)) {
            throw new IllegalArgumentException("crude_birth_rate must be between 0 and " + (int) MAX_CRUDE_BIRTH_RATE);
        }
    }
}

package dev.paracite.bench;

import java.util.List;

/**
 * Logistic regression by Newton's method (iteratively reweighted least squares) with a small L2
 * penalty, rows optionally weighted; features are standardised while fitting and the weights returned for the raw features,
 * intercept first. Deterministic: the same rows give the same weights.
 */
final class Logistic {

    private Logistic() {}

    static double[] fit(List<double[]> xs, List<Boolean> ys, double lambda) {
        return fit(xs, ys, java.util.Collections.nCopies(xs.size(), 1.0), lambda);
    }

    /** With a weight per row (a row of weight 2 counts as two). */
    static double[] fit(List<double[]> xs, List<Boolean> ys, List<Double> rowWeights, double lambda) {
        int n = xs.size();
        int d = xs.get(0).length;
        double[] mean = new double[d];
        double[] sd = new double[d];
        for (double[] x : xs) {
            for (int j = 0; j < d; j++) {
                mean[j] += x[j] / n;
            }
        }
        for (double[] x : xs) {
            for (int j = 0; j < d; j++) {
                sd[j] += (x[j] - mean[j]) * (x[j] - mean[j]) / n;
            }
        }
        for (int j = 0; j < d; j++) {
            sd[j] = Math.sqrt(sd[j]) < 1e-9 ? 1 : Math.sqrt(sd[j]);
        }
        double[] beta = new double[d + 1];
        for (int iteration = 0; iteration < 50; iteration++) {
            double[] gradient = new double[d + 1];
            double[][] hessian = new double[d + 1][d + 1];
            for (int i = 0; i < n; i++) {
                double[] z = standard(xs.get(i), mean, sd);
                double p = sigmoid(dot(beta, z));
                double y = ys.get(i) ? 1 : 0;
                double r = rowWeights.get(i);
                for (int a = 0; a <= d; a++) {
                    gradient[a] += r * (p - y) * z[a];
                    for (int b = 0; b <= d; b++) {
                        hessian[a][b] += r * p * (1 - p) * z[a] * z[b];
                    }
                }
            }
            for (int a = 1; a <= d; a++) {
                gradient[a] += lambda * n * beta[a];
                hessian[a][a] += lambda * n;
            }
            double[] step = solve(hessian, gradient);
            double change = 0;
            for (int a = 0; a <= d; a++) {
                beta[a] -= step[a];
                change = Math.max(change, Math.abs(step[a]));
            }
            if (change < 1e-8) {
                break;
            }
        }
        double[] raw = new double[d + 1];
        raw[0] = beta[0];
        for (int j = 0; j < d; j++) {
            raw[j + 1] = beta[j + 1] / sd[j];
            raw[0] -= beta[j + 1] * mean[j] / sd[j];
        }
        return raw;
    }

    private static double[] standard(double[] x, double[] mean, double[] sd) {
        double[] z = new double[x.length + 1];
        z[0] = 1;
        for (int j = 0; j < x.length; j++) {
            z[j + 1] = (x[j] - mean[j]) / sd[j];
        }
        return z;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static double sigmoid(double v) {
        return 1 / (1 + Math.exp(-v));
    }

    /** Gaussian elimination with partial pivoting. */
    private static double[] solve(double[][] m, double[] v) {
        int n = v.length;
        double[][] a = new double[n][n + 1];
        for (int i = 0; i < n; i++) {
            System.arraycopy(m[i], 0, a[i], 0, n);
            a[i][n] = v[i];
        }
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int r = col + 1; r < n; r++) {
                if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) {
                    pivot = r;
                }
            }
            double[] t = a[col];
            a[col] = a[pivot];
            a[pivot] = t;
            for (int r = 0; r < n; r++) {
                if (r != col && a[col][col] != 0) {
                    double f = a[r][col] / a[col][col];
                    for (int k = col; k <= n; k++) {
                        a[r][k] -= f * a[col][k];
                    }
                }
            }
        }
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = a[i][i] == 0 ? 0 : a[i][n] / a[i][i];
        }
        return x;
    }
}
